package dev.kitty.identity.events;

import java.time.Instant;
import java.util.UUID;

/** An account was created; its email is not verified yet. */
public record UserRegistered(UUID userId, String email, String displayName, Instant registeredAt) {}
