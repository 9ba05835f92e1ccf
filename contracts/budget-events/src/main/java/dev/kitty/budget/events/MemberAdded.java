package dev.kitty.budget.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A user became a member of the budget. {@code role} is one of OWNER, ADMIN, MEMBER, VIEWER;
 * readers must tolerate roles they do not know.
 *
 * <p>{@code version} is the budget's membership version after this change: budget-service
 * counts every membership event of a budget, starting at 1, and never reuses a number (it
 * keeps counting when a member leaves and is added again). A replica applies the event only
 * when it is newer than what it holds for that member, so a replayed or reordered event never
 * undoes a later one (ADR 9).
 */
public record MemberAdded(UUID budgetId, UUID userId, String role, Instant joinedAt, long version) {

    /** Every field is required: an event missing one fails to decode and is dead-lettered. */
    public MemberAdded {
        Objects.requireNonNull(budgetId, "budgetId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(joinedAt, "joinedAt");
        MembershipVersions.require(version);
    }
}
