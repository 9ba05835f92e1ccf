package dev.kitty.auth.account;

import static dev.kitty.auth.AuthApi.PASSWORD;
import static dev.kitty.auth.AuthApi.eventually;
import static dev.kitty.auth.AuthApi.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kitty.auth.AuthApi;
import dev.kitty.auth.RunningAuthService;
import dev.kitty.user.events.UserEvents;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/** user-service's UserDeleted arrives as a real CloudEvents record on the real {@code user.events} topic. */
class AccountDeletionIT extends RunningAuthService {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Test
    void removesTheCredentialsAndEveryTokenOfADeletedUser() throws Exception {
        var email = uniqueEmail("ann");
        var userId = api.register(email);
        var refresh = api.login(email, PASSWORD).field("refresh_token");

        publishUserDeleted(UUID.randomUUID().toString(), userId);

        eventually(TIMEOUT, () -> count("SELECT count(*) FROM account WHERE id = ?", userId) == 0, "account " + userId + " deleted");
        assertThat(count("SELECT count(*) FROM refresh_token WHERE account_id = ?", userId)).isZero();
        assertThat(count("SELECT count(*) FROM email_verification_token WHERE account_id = ?", userId)).isZero();
        assertThat(count("SELECT count(*) FROM account_role WHERE account_id = ?", userId)).isZero();
        var login = api.login(email, PASSWORD);
        assertThat(login.status()).isEqualTo(401);
        assertThat(login.field("type")).isEqualTo("https://kitty.dev/problems/invalid-credentials");
        assertThat(api.refresh(refresh).status()).isEqualTo(401);
    }

    @Test
    void takesDeletionsOfUnknownUsersAndRedeliveriesInItsStride() throws Exception {
        var email = uniqueEmail("bob");
        var userId = api.register(email);
        var eventId = UUID.randomUUID().toString();

        publishUserDeleted(UUID.randomUUID().toString(), UUID.randomUUID()); // never had an account here
        publishUserDeleted(eventId, userId);
        publishUserDeleted(eventId, userId); // redelivery

        eventually(TIMEOUT, () -> count("SELECT count(*) FROM account WHERE id = ?", userId) == 0, "account " + userId + " deleted");
        eventually(TIMEOUT, () -> count("SELECT count(*) FROM processed_event WHERE event_id = ?", eventId) == 1,
                "event " + eventId + " recorded once");
        // the same address can be registered again afterwards: nothing of the old account is left
        assertThat(api.register(email)).isNotEqualTo(userId);
    }

    private long count(String sql, Object param) {
        return jdbc.sql(sql).param(param).query(Long.class).single();
    }

    private void publishUserDeleted(String eventId, UUID userId) throws Exception {
        var envelope = new LinkedHashMap<String, Object>();
        envelope.put("specversion", "1.0");
        envelope.put("id", eventId);
        envelope.put("source", "/kitty/user-service");
        envelope.put("type", UserEvents.USER_DELETED.name());
        envelope.put("subject", userId.toString());
        envelope.put("time", Instant.now().toString());
        envelope.put("datacontenttype", "application/json");
        envelope.put("data", Map.of("userId", userId.toString(), "deletedAt", Instant.now().toString()));
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all");
        try (var producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(UserEvents.TOPIC, userId.toString(), json.writeValueAsBytes(envelope))).get();
        }
    }
}
