package dev.kitty.budget.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** {@code role} is one of OWNER, ADMIN, MEMBER, VIEWER; readers must tolerate roles they do not know. */
public record MemberAdded(UUID budgetId, UUID userId, String role, Instant joinedAt) {

    /** Every field is required: an event missing one fails to decode and is dead-lettered. */
    public MemberAdded {
        Objects.requireNonNull(budgetId, "budgetId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(joinedAt, "joinedAt");
    }
}
