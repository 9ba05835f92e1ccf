package dev.kitty.user.events;

import java.util.Objects;
import java.util.UUID;

/** The name other members see changed (also published once when the profile is created). */
public record ProfileUpdated(UUID userId, String email, String displayName) {

    /** Every field is required: an event missing one fails to decode and is dead-lettered. */
    public ProfileUpdated {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(displayName, "displayName");
    }
}
