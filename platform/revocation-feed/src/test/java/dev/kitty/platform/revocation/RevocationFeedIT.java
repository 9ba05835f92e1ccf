package dev.kitty.platform.revocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kitty.identity.events.CredentialsRevoked;
import dev.kitty.identity.events.IdentityEvents;
import dev.kitty.infra.EmbeddedKafkaBroker;
import dev.kitty.platform.test.EmbeddedInfrastructure;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;

/** The feed on a real broker: what it reads, what it skips, and that a late starter still learns of earlier revocations. */
@SpringBootTest(classes = RevocationFeedIT.Listening.class, properties = "spring.application.name=revocation-feed-test")
@EmbeddedInfrastructure
class RevocationFeedIT {

    @SpringBootApplication(exclude = DataSourceAutoConfiguration.class)
    static class Listening {

        @Bean
        Heard heard() {
            return new Heard();
        }
    }

    static class Heard {

        final List<CredentialsRevoked> events = new CopyOnWriteArrayList<>();

        @EventListener
        void on(CredentialsRevoked revoked) {
            events.add(revoked);
        }
    }

    @Autowired
    RevokedCredentials revoked;

    @Autowired
    Heard heard;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Test
    void recordsARevocationWithinASecondAndAnnouncesItOnce() {
        var user = UUID.randomUUID();
        var revocation = CredentialsRevoked.allTokens(user, CredentialsRevoked.REASON_ACCOUNT_LOCKED, Instant.now());
        var beforeRevocation = revocation.revokedAt().minusSeconds(5);

        send(user, envelope(UUID.randomUUID(), IdentityEvents.CREDENTIALS_REVOKED.name(), data(revocation)));

        await().atMost(Duration.ofSeconds(10)).until(() -> revoked.isRevoked(user, beforeRevocation, null));
        assertThat(revoked.isRevoked(user, revocation.revokedAt().plusSeconds(2), null)).as("a token issued later").isFalse();
        // the same revocation again (a replay) is not announced twice
        send(user, envelope(UUID.randomUUID(), IdentityEvents.CREDENTIALS_REVOKED.name(), data(revocation)));
        var marker = markerRevocation();
        await().atMost(Duration.ofSeconds(10)).until(() -> heard.events.contains(marker));
        assertThat(heard.events).filteredOn(event -> event.userId().equals(user)).containsExactly(revocation);
    }

    @Test
    void skipsOtherEventTypesAndUnreadableRecordsAndKeepsReading() {
        var user = UUID.randomUUID();
        send(user, envelope(UUID.randomUUID(), IdentityEvents.EMAIL_VERIFIED.name(),
                "{\"userId\":\"" + user + "\",\"email\":\"a@example.com\",\"verifiedAt\":\"2026-11-23T09:20:00Z\"}"));
        send(user, "not json at all");
        send(user, envelope(UUID.randomUUID(), IdentityEvents.CREDENTIALS_REVOKED.name(), "{\"userId\":\"" + user + "\"}"));
        var marker = markerRevocation();

        await().atMost(Duration.ofSeconds(10)).until(() -> heard.events.contains(marker));
        assertThat(heard.events).noneMatch(event -> event.userId().equals(user));
        assertThat(revoked.latestRevocation(user)).isEmpty();
    }

    @Test
    void anInstanceStartedLaterLearnsOfRevocationsWithinTheRetention() {
        var user = UUID.randomUUID();
        var revocation = new CredentialsRevoked(user, CredentialsRevoked.REASON_PERSONAL_ACCESS_TOKEN_REVOKED,
                Instant.now().truncatedTo(ChronoUnit.MILLIS), UUID.randomUUID(), null);
        send(user, envelope(UUID.randomUUID(), IdentityEvents.CREDENTIALS_REVOKED.name(), data(revocation)));
        await().atMost(Duration.ofSeconds(10)).until(() -> revoked.latestRevocation(user).isPresent());

        try (ConfigurableApplicationContext late = new SpringApplication(Listening.class).run(
                "--spring.application.name=late-starter", "--spring.kafka.bootstrap-servers=" + broker.bootstrapServers(),
                "--spring.main.web-application-type=none", "--eureka.client.enabled=false",
                "--spring.cloud.discovery.enabled=false")) {
            var lateRevoked = late.getBean(RevokedCredentials.class);
            await().atMost(Duration.ofSeconds(20)).until(() -> lateRevoked.latestRevocation(user).isPresent());
            assertThat(lateRevoked.isRevoked(user, revocation.revokedAt().minusSeconds(60), revocation.session().toString())).isTrue();
            assertThat(lateRevoked.isRevoked(user, revocation.revokedAt().minusSeconds(60), UUID.randomUUID().toString())).isFalse();
        }
    }

    /** A revocation sent last, so that seeing it proves the records before it were read. */
    private CredentialsRevoked markerRevocation() {
        var marker = CredentialsRevoked.allTokens(UUID.randomUUID(), CredentialsRevoked.REASON_ROLES_CHANGED,
                Instant.now().truncatedTo(ChronoUnit.MILLIS));
        send(marker.userId(), envelope(UUID.randomUUID(), IdentityEvents.CREDENTIALS_REVOKED.name(), data(marker)));
        return marker;
    }

    private static String data(CredentialsRevoked revocation) {
        return "{\"userId\":\"" + revocation.userId() + "\",\"reason\":\"" + revocation.reason() + "\",\"revokedAt\":\""
                + revocation.revokedAt() + "\",\"session\":" + quoted(revocation.session()) + ",\"exceptSession\":"
                + quoted(revocation.exceptSession()) + ",\"addedInALaterVersion\":true}";
    }

    private static String quoted(UUID id) {
        return id == null ? "null" : "\"" + id + "\"";
    }

    private static String envelope(UUID id, String type, String data) {
        return "{\"specversion\":\"1.0\",\"id\":\"" + id + "\",\"source\":\"/kitty/auth-service\",\"type\":\"" + type
                + "\",\"time\":\"" + Instant.now() + "\",\"datacontenttype\":\"application/json\",\"data\":" + data + "}";
    }

    private void send(UUID key, String value) {
        ensureTopic();
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(IdentityEvents.TOPIC, key.toString(), value.getBytes(StandardCharsets.UTF_8))).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void ensureTopic() {
        try (var admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(IdentityEvents.TOPIC, 2, (short) 1))).all().get();
        } catch (Exception e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException(e);
            }
        }
    }
}
