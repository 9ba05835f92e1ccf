package dev.kitty.identity.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An account was created; its email is not verified yet.
 *
 * <p>Carries no version: it is the account's first fact, so a replica lets it fill only what
 * is missing and overwrite nothing, which gives the same result in any order (ADR 9).
 */
public record UserRegistered(UUID userId, String email, String displayName, Instant registeredAt) {

    /** Every field is required: an event missing one fails to decode and is dead-lettered. */
    public UserRegistered {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(registeredAt, "registeredAt");
    }
}
