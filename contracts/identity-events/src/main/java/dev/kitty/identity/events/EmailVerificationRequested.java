package dev.kitty.identity.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A verification mail is due. Carries the one-time token because the mail is sent by
 * notification-service; the token is single-use and short-lived, and auth-service stores
 * only its hash.
 */
public record EmailVerificationRequested(UUID userId, String email, String displayName, String token, Instant expiresAt) {

    /** Every field is required: an event missing one fails to decode and is dead-lettered. */
    public EmailVerificationRequested {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
