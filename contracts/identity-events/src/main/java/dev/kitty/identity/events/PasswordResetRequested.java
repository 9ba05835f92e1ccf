package dev.kitty.identity.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A password reset mail is due; the token is single-use, short-lived and stored hashed. */
public record PasswordResetRequested(UUID userId, String email, String token, Instant expiresAt) {

    /** Every field is required: an event missing one fails to decode and is dead-lettered. */
    public PasswordResetRequested {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
