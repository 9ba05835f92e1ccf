package dev.kitty.identity.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The owner of the account proved they read mail at {@code email}.
 *
 * <p>Carries no version: an account's address cannot change in auth-service yet, so every
 * {@code EmailVerified} of an account names the same address and applying them in any order
 * gives the same result. An address change must add the account's version here (ADR 9).
 */
public record EmailVerified(UUID userId, String email, Instant verifiedAt) {

    /** Every field is required: an event missing one fails to decode and is dead-lettered. */
    public EmailVerified {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(verifiedAt, "verifiedAt");
    }
}
