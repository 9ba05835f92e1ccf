package dev.kitty.user.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** The account and everything that belongs only to it must disappear in every service. Deletion is final: replicas keep a tombstone so no later-arriving event brings the user back. */
public record UserDeleted(UUID userId, Instant deletedAt) {

    /** Every field is required: an event missing one fails to decode and is dead-lettered. */
    public UserDeleted {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(deletedAt, "deletedAt");
    }
}
