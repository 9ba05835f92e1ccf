package dev.kitty.transaction.ledger;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What other services must hear of a transaction: published inside the writing database transaction, turned into
 * {@code TransactionRecorded/Changed/Deleted} by the service's one translator, so the event enters the outbox if and
 * only if the change commits. Not published for a deleted budget's transactions, nor for an author link dropped with
 * a deleted account.
 */
public sealed interface TransactionChange {

    record Recorded(TransactionSnapshot transaction) implements TransactionChange {}

    record Changed(TransactionSnapshot transaction) implements TransactionChange {}

    record Deleted(UUID transactionId, UUID budgetId, @Nullable UUID deletedBy, Instant deletedAt) implements TransactionChange {}
}
