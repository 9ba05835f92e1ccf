package dev.kitty.identity.events;

import java.time.Instant;
import java.util.UUID;

/** The owner of the account proved they read mail at {@code email}. */
public record EmailVerified(UUID userId, String email, Instant verifiedAt) {}
