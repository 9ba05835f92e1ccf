package dev.kitty.user.events;

import java.time.Instant;
import java.util.UUID;

/** The account and everything that belongs only to it must disappear in every service. */
public record UserDeleted(UUID userId, Instant deletedAt) {}
