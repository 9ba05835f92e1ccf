package dev.kitty.budget.events;

import java.util.Objects;
import java.util.UUID;

/**
 * {@code role} is the member's new role (OWNER, ADMIN, MEMBER or VIEWER). {@code changedBy} is
 * who changed it; absent when Kitty did (the owner's account was deleted and ownership passed on).
 *
 * <p>{@code version} is the budget's membership version after this change: budget-service
 * counts every membership event of a budget, starting at 1, and never reuses a number (it
 * keeps counting when a member leaves and is added again). A replica applies the event only
 * when it is newer than what it holds for that member, so a replayed or reordered event never
 * undoes a later one (ADR 9). {@code budgetName} is the name when it happened, for messages.
 */
public record MemberRoleChanged(UUID budgetId, String budgetName, UUID userId, String role, UUID changedBy, long version) {

    /** Required fields are checked here: an event missing one fails to decode and is dead-lettered. */
    public MemberRoleChanged {
        Objects.requireNonNull(budgetId, "budgetId");
        Objects.requireNonNull(budgetName, "budgetName");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(role, "role");
        MembershipVersions.require(version);
    }
}
