package dev.kitty.events;

import java.util.Objects;
import java.util.function.Function;

/**
 * One kind of integration event: the versioned CloudEvents {@code type} it is published
 * under, the Kafka topic it travels on, the record that carries its data and how to
 * find the id of the aggregate it belongs to (the Kafka key, so that the events of one
 * aggregate stay in order).
 *
 * <p>Type and topic names are written out as constants in each contracts module and
 * never derived from class names, so that renaming a record cannot break a consumer.
 *
 * @param name    CloudEvents type, e.g. {@code kitty.user.deleted.v1}
 * @param topic   Kafka topic, e.g. {@code user.events}
 * @param payload the record carried as the CloudEvents {@code data}
 * @param keyOf   the aggregate id of an event, used as Kafka key and CloudEvents {@code subject}
 * @param <T>     the payload record
 */
public record EventType<T extends Record>(String name, String topic, Class<T> payload, Function<T, String> keyOf) {

    public EventType {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(keyOf, "keyOf");
        if (!name.matches("kitty(\\.[a-z][a-z0-9-]*)+\\.v\\d+")) {
            throw new IllegalArgumentException("event type name must look like kitty.<aggregate>.<what-happened>.v<n>: " + name);
        }
    }

    public static <T extends Record> EventType<T> of(String name, String topic, Class<T> payload, Function<T, String> keyOf) {
        return new EventType<>(name, topic, payload, keyOf);
    }

    /** The aggregate id of {@code event}: its Kafka key and CloudEvents subject. */
    public String keyFor(T event) {
        return keyOf.apply(event);
    }

    @Override
    public String toString() {
        return name + " on " + topic;
    }
}
