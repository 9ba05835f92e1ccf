package dev.kitty.platform.test;

import dev.kitty.events.EventType;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes integration events the way another service does: a CloudEvents 1.0 JSON record on
 * the event type's real topic. The envelope is written here field by field, not with the
 * platform's own class, so a consumer test also proves the consumer reads the wire format.
 */
public final class EventsOnKafka {

    private record Envelope(String specversion, String id, String source, String type, String subject, Instant time,
            String datacontenttype, JsonNode data) {}

    private final KafkaTemplate<Object, Object> kafka;
    private final JsonMapper json;

    public EventsOnKafka(KafkaTemplate<Object, Object> kafka, JsonMapper json) {
        this.kafka = kafka;
        this.json = json;
    }

    /** Sends a new event; returns its id. */
    public <T extends Record> String send(EventType<T> type, T payload) {
        var id = UUID.randomUUID().toString();
        send(type, payload, id, type.keyFor(payload));
        return id;
    }

    /**
     * Sends with a chosen id (to redeliver) and key. Events with the same key share a
     * partition and are handled in the order sent, so an event sent after another under its
     * key proves, once its effect shows, that the other one has been handled too.
     */
    public <T extends Record> void send(EventType<T> type, T payload, String id, String key) {
        var envelope = new Envelope("1.0", id, "/kitty/test", type.name(), type.keyFor(payload), Instant.now(),
                "application/json", json.valueToTree(payload));
        kafka.send(new ProducerRecord<>(type.topic(), key, json.writeValueAsBytes(envelope))).join();
    }
}
