package dev.kitty.events;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every event type one producer publishes. A producer's contracts module exposes one
 * catalog; a service registers the catalogs it publishes so that the platform can create
 * their topics and refuse to publish an event that is not part of a contract.
 */
public record EventCatalog(String producer, List<EventType<?>> types) {

    public EventCatalog {
        types = List.copyOf(types);
        var names = types.stream().map(EventType::name).collect(Collectors.toSet());
        if (names.size() != types.size()) {
            throw new IllegalArgumentException("duplicate event type names in catalog of " + producer);
        }
        var payloads = types.stream().map(EventType::payload).collect(Collectors.toSet());
        if (payloads.size() != types.size()) {
            throw new IllegalArgumentException("a payload record may belong to one event type only, in catalog of " + producer);
        }
    }

    public static EventCatalog of(String producer, EventType<?>... types) {
        return new EventCatalog(producer, List.of(types));
    }

    public Optional<EventType<?>> byName(String name) {
        return types.stream().filter(type -> type.name().equals(name)).findFirst();
    }

    @SuppressWarnings("unchecked")
    public <T extends Record> Optional<EventType<T>> byPayload(Class<T> payload) {
        return types.stream().filter(type -> type.payload().equals(payload)).map(type -> (EventType<T>) type).findFirst();
    }

    public Set<String> topics() {
        return types.stream().map(EventType::topic).collect(Collectors.toUnmodifiableSet());
    }
}
