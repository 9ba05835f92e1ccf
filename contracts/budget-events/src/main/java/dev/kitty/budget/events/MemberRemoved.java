package dev.kitty.budget.events;

import java.util.Objects;
import java.util.UUID;

/**
 * The user no longer has any role in the budget. {@code reason} is one of the {@code REASON_*}
 * constants (readers must tolerate others); {@code removedBy} is who removed them, absent unless
 * the reason is {@value #REASON_REMOVED}.
 *
 * <p>{@code version} is the budget's membership version after this change: budget-service
 * counts every membership event of a budget, starting at 1, and never reuses a number (it
 * keeps counting when a member leaves and is added again). A replica applies the event only
 * when it is newer than what it holds for that member, so a replayed or reordered event never
 * undoes a later one (ADR 9). {@code budgetName} is the name when it happened, for messages.
 */
public record MemberRemoved(UUID budgetId, String budgetName, UUID userId, String reason, UUID removedBy, long version) {

    /** Another member (an owner or admin) removed them. */
    public static final String REASON_REMOVED = "REMOVED";
    /** They left on their own. */
    public static final String REASON_LEFT = "LEFT";
    /** Their account was deleted. */
    public static final String REASON_ACCOUNT_DELETED = "ACCOUNT_DELETED";

    /** Required fields are checked here: an event missing one fails to decode and is dead-lettered. */
    public MemberRemoved {
        Objects.requireNonNull(budgetId, "budgetId");
        Objects.requireNonNull(budgetName, "budgetName");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(reason, "reason");
        MembershipVersions.require(version);
    }
}
