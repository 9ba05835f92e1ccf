package dev.kitty.notification.mail;

import dev.kitty.platform.messaging.EventMetadata;
import dev.kitty.platform.messaging.InvalidEventException;
import org.jspecify.annotations.Nullable;

/** Contract fields a replica cannot do without: an event lacking one can never be applied, so it is dead-lettered at once. */
final class RequiredFields {

    private RequiredFields() {
    }

    static <T> T require(@Nullable T value, String field, EventMetadata metadata) {
        if (value == null || value instanceof String text && text.isBlank()) {
            throw new InvalidEventException(metadata.type() + " event " + metadata.id() + " has no " + field);
        }
        return value;
    }
}
