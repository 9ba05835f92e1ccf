package dev.kitty.transaction.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A transaction was deleted. Final: it beats every other event of the transaction, whatever its version.
 * Not published for the transactions of a deleted budget ({@code kitty.budget.deleted.v1} says it for all).
 *
 * @param deletedBy who deleted it; absent once their account is deleted
 */
public record TransactionDeleted(UUID transactionId, UUID budgetId, UUID deletedBy, Instant deletedAt) {

    /** The other fields are required: an event missing one fails to decode and is dead-lettered. */
    public TransactionDeleted {
        Objects.requireNonNull(transactionId, "transactionId");
        Objects.requireNonNull(budgetId, "budgetId");
        Objects.requireNonNull(deletedAt, "deletedAt");
    }
}
