package dev.kitty.platform.messaging;

import dev.kitty.events.EventCatalog;
import dev.kitty.events.EventType;
import java.util.Objects;
import java.util.UUID;

/** A contracts module in miniature, listed in the test class path's META-INF/kitty/event-catalogs. */
public final class ThingEvents {

    /** {@code label} is optional. */
    public record ThingHappened(UUID thingId, String label) {

        public ThingHappened {
            Objects.requireNonNull(thingId, "thingId");
        }
    }

    public static final String TOPIC = "thing.events";

    public static final EventType<ThingHappened> THING_HAPPENED =
            EventType.of("kitty.thing.happened.v1", TOPIC, ThingHappened.class, e -> e.thingId().toString());

    public static final EventCatalog CATALOG = EventCatalog.of("messaging-test", THING_HAPPENED);

    private ThingEvents() {
    }
}
