package dev.kitty.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kitty.events.EventCatalog;
import dev.kitty.events.EventType;
import dev.kitty.infra.EmbeddedKafkaBroker;
import dev.kitty.infra.Ports;
import dev.kitty.platform.test.EmbeddedInfrastructure;
import dev.kitty.platform.test.TopicRecords;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What Kafka refused is sent again ({@link OutboxResubmission}): this service's producer points at a
 * broker that is down when the event is published, so the first sends fail; the broker comes up
 * later and the event arrives.
 */
@SpringBootTest(classes = OutboxResubmissionIT.ResubmittingService.class, properties = {
        "spring.application.name=resubmission-test",
        // a schema of its own, so that no other test context of this JVM resubmits these publications
        "spring.flyway.schemas=outbox_resubmission",
        "spring.datasource.hikari.schema=outbox_resubmission",
        "kitty.messaging.resubmit-interval=500ms",
        "kitty.messaging.resubmit-older-than=500ms",
        // a send to the absent broker gives up after a second instead of a minute
        "spring.kafka.producer.properties.max.block.ms=1000"})
@EmbeddedInfrastructure
class OutboxResubmissionIT {

    record ParcelSent(UUID parcelId) {}

    static final String TOPIC = "parcel.events";
    static final EventType<ParcelSent> PARCEL_SENT =
            EventType.of("kitty.parcel.sent.v1", TOPIC, ParcelSent.class, e -> e.parcelId().toString());

    static final int LATE_BROKER_PORT = Ports.freePort();
    static final Path LATE_BROKER_LOGS = temporaryDirectory();
    static EmbeddedKafkaBroker lateBroker;

    @SpringBootApplication
    static class ResubmittingService {

        @Bean
        EventCatalog parcelEvents() {
            return EventCatalog.of("resubmission-test", PARCEL_SENT);
        }

        /** Only the outbox's producer goes to the late broker; the admin client still creates topics on the shared one. */
        @Bean
        DefaultKafkaProducerFactoryCustomizer toTheLateBroker() {
            return factory -> factory.updateConfigs(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + LATE_BROKER_PORT));
        }
    }

    @Autowired
    IntegrationEvents events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @AfterAll
    static void stopTheLateBroker() throws IOException {
        if (lateBroker != null) {
            lateBroker.close();
        }
        try (var files = Files.walk(LATE_BROKER_LOGS)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        }
    }

    @Test
    void sendsAnEventKafkaRefusedOnceKafkaIsBack() {
        var parcel = new ParcelSent(UUID.randomUUID());

        transactions.executeWithoutResult(status -> events.publish(PARCEL_SENT, parcel));

        // refused twice (the first send and a resubmission) while a third attempt is under way
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(attempts(parcel)).isGreaterThanOrEqualTo(3));

        lateBroker = EmbeddedKafkaBroker.start(LATE_BROKER_LOGS, LATE_BROKER_PORT, false);

        var arrived = TopicRecords.await(lateBroker.bootstrapServers(), TOPIC, r -> parcel.parcelId().toString().equals(r.key()),
                Duration.ofSeconds(60));
        assertThat(arrived).filteredOn(r -> parcel.parcelId().toString().equals(r.key())).isNotEmpty()
                .allSatisfy(r -> assertThat(r.value()).contains("\"type\":\"kitty.parcel.sent.v1\""));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(jdbc.sql("SELECT count(*) FROM event_publication").query(Long.class).single()).isZero());
    }

    private int attempts(ParcelSent parcel) {
        return jdbc.sql("SELECT completion_attempts FROM event_publication WHERE serialized_event LIKE ?")
                .param("%" + parcel.parcelId() + "%").query(Integer.class).single();
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("kitty-late-broker");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
