package dev.kitty.identity.events;

import java.time.Instant;
import java.util.UUID;

/** A password reset mail is due; the token is single-use, short-lived and stored hashed. */
public record PasswordResetRequested(UUID userId, String email, String token, Instant expiresAt) {}
