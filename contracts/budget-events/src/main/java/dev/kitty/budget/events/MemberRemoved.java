package dev.kitty.budget.events;

import java.util.Objects;
import java.util.UUID;

/**
 * The user no longer has any role in the budget.
 *
 * <p>{@code version} is the budget's membership version after this change: budget-service
 * counts every membership event of a budget, starting at 1, and never reuses a number (it
 * keeps counting when a member leaves and is added again). A replica applies the event only
 * when it is newer than what it holds for that member, so a replayed or reordered event never
 * undoes a later one (ADR 9).
 */
public record MemberRemoved(UUID budgetId, UUID userId, long version) {

    /** Every field is required: an event missing one fails to decode and is dead-lettered. */
    public MemberRemoved {
        Objects.requireNonNull(budgetId, "budgetId");
        Objects.requireNonNull(userId, "userId");
        MembershipVersions.require(version);
    }
}
