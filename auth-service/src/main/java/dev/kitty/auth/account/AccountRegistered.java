package dev.kitty.auth.account;

import java.time.Instant;
import java.util.UUID;

/**
 * Domain event: an account was created. Carries the display name the registrant chose, which
 * this service does not keep (user-service owns profiles) but announces.
 */
public record AccountRegistered(UUID accountId, String email, String displayName, Instant registeredAt) {}
