package dev.kitty.user.events;

import java.util.Objects;
import java.util.UUID;

/**
 * The name other members see changed (also published once when the profile is created).
 *
 * <p>{@code version} is the profile's version after this change: user-service counts every
 * published state of a profile, starting at 1. A replica applies the event only when it is
 * newer than what it holds, so a replayed or reordered event never brings an old name back
 * (ADR 9).
 */
public record ProfileUpdated(UUID userId, String email, String displayName, long version) {

    /** Every field is required, and versions start at 1: an event breaking either fails to decode and is dead-lettered. */
    public ProfileUpdated {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(displayName, "displayName");
        if (version < 1) {
            throw new IllegalArgumentException("version must be 1 or more, was " + version);
        }
    }
}
