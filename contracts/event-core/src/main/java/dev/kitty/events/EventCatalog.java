package dev.kitty.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every event type one producer publishes. A producer's contracts module exposes one
 * catalog; a service registers the catalogs it publishes so that the platform can create
 * their topics and refuse to publish an event that is not part of a contract.
 *
 * <p>A contracts module also names the class holding its catalog in {@value #LISTING}, so
 * that a consumer finds the event types of every contract it depends on without declaring
 * them ({@link #onClassPath}).
 */
public record EventCatalog(String producer, List<EventType<?>> types) {

    /**
     * The class path resource in which a contracts module lists, one fully qualified name a
     * line, the classes whose {@code public static final EventCatalog CATALOG} is its catalog.
     */
    public static final String LISTING = "META-INF/kitty/event-catalogs";

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

    /**
     * The catalogs of the contracts modules on the class path, as listed in their
     * {@value #LISTING}; lines that are blank or start with {@code #} are ignored.
     *
     * @throws IllegalStateException when a listed class or its {@code CATALOG} cannot be read
     */
    public static List<EventCatalog> onClassPath(ClassLoader classLoader) {
        var catalogs = new ArrayList<EventCatalog>();
        try {
            for (var listing : Collections.list(classLoader.getResources(LISTING))) {
                try (InputStream in = listing.openStream()) {
                    new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                            .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                            .map(holder -> catalogIn(holder, classLoader, listing.toString()))
                            .filter(catalog -> !catalogs.contains(catalog))
                            .forEach(catalogs::add);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + LISTING, e);
        }
        return List.copyOf(catalogs);
    }

    private static EventCatalog catalogIn(String holder, ClassLoader classLoader, String listing) {
        Object catalog;
        try {
            catalog = Class.forName(holder, true, classLoader).getField("CATALOG").get(null);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            throw new IllegalStateException("Cannot read the public static CATALOG of " + holder + ", listed in " + listing, e);
        }
        if (catalog instanceof EventCatalog eventCatalog) {
            return eventCatalog;
        }
        throw new IllegalStateException(holder + ".CATALOG, listed in " + listing + ", is not an EventCatalog");
    }

    public Set<String> topics() {
        return types.stream().map(EventType::topic).collect(Collectors.toUnmodifiableSet());
    }
}
