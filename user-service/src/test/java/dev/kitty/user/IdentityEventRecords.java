package dev.kitty.user;

import dev.kitty.identity.events.IdentityEvents;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;

/** Puts CloudEvents on {@code identity.events} the way auth-service's outbox does: JSON bytes keyed by user id. */
final class IdentityEventRecords {

    private final KafkaTemplate<Object, Object> kafka;

    IdentityEventRecords(KafkaTemplate<Object, Object> kafka) {
        this.kafka = kafka;
    }

    static String registered(String eventId, UUID userId, String email, String displayName, Instant registeredAt) {
        return envelope(eventId, IdentityEvents.USER_REGISTERED.name(), userId, """
                {"userId": "%s", "email": "%s", "displayName": "%s", "registeredAt": "%s"}"""
                .formatted(userId, email, displayName, registeredAt));
    }

    static String emailVerified(String eventId, UUID userId, String email) {
        return envelope(eventId, IdentityEvents.EMAIL_VERIFIED.name(), userId, """
                {"userId": "%s", "email": "%s", "verifiedAt": "%s"}""".formatted(userId, email, Instant.now()));
    }

    /** Also carries an extension attribute a future auth-service might add: consumers must not mind. */
    private static String envelope(String eventId, String type, UUID subject, String data) {
        return """
                {"specversion": "1.0", "id": "%s", "source": "/kitty/auth-service", "type": "%s", "subject": "%s",
                 "time": "%s", "datacontenttype": "application/json", "traceparent": "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
                 "data": %s}""".formatted(eventId, type, subject, Instant.now(), data);
    }

    void send(UUID key, String json) {
        send(key.toString(), json);
    }

    void send(String key, String json) {
        kafka.send(new ProducerRecord<>(IdentityEvents.TOPIC, key, json.getBytes(StandardCharsets.UTF_8))).join();
    }
}
