package dev.kitty.budget.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A user became a member of the budget. {@code role} is one of OWNER, ADMIN, MEMBER, VIEWER;
 * readers must tolerate roles they do not know. {@code invitedBy} is who invited them, absent
 * when they joined otherwise.
 *
 * <p>{@code version} is the budget's membership version after this change: budget-service
 * counts every membership event of a budget, starting at 1, and never reuses a number (it
 * keeps counting when a member leaves and is added again). A replica applies the event only
 * when it is newer than what it holds for that member, so a replayed or reordered event never
 * undoes a later one (ADR 9). {@code budgetName} is the name when it happened, for messages.
 */
public record MemberAdded(UUID budgetId, String budgetName, UUID userId, String role, UUID invitedBy, Instant joinedAt, long version) {

    /** Required fields are checked here: an event missing one fails to decode and is dead-lettered. */
    public MemberAdded {
        Objects.requireNonNull(budgetId, "budgetId");
        Objects.requireNonNull(budgetName, "budgetName");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(joinedAt, "joinedAt");
        MembershipVersions.require(version);
    }
}
