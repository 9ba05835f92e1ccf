package dev.kitty.budget.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The budget has a new owner. A fact for people (mails, activity feeds): replicas learn the two
 * roles from the {@link MemberRoleChanged} events published with it.
 *
 * @param previousOwnerId who owned it before; after {@value #REASON_PREVIOUS_OWNER_DELETED} that account is gone
 * @param reason          one of the {@code REASON_*} constants; readers must tolerate others
 */
public record OwnershipTransferred(
        UUID budgetId, String budgetName, UUID previousOwnerId, UUID newOwnerId, String reason, Instant transferredAt) {

    /** The owner handed the budget over. */
    public static final String REASON_TRANSFERRED = "TRANSFERRED";
    /** The owner's account was deleted: the longest-standing admin, else member, took over. */
    public static final String REASON_PREVIOUS_OWNER_DELETED = "PREVIOUS_OWNER_DELETED";

    /** Every field is required: an event missing one fails to decode and is dead-lettered. */
    public OwnershipTransferred {
        Objects.requireNonNull(budgetId, "budgetId");
        Objects.requireNonNull(budgetName, "budgetName");
        Objects.requireNonNull(previousOwnerId, "previousOwnerId");
        Objects.requireNonNull(newOwnerId, "newOwnerId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(transferredAt, "transferredAt");
    }
}
