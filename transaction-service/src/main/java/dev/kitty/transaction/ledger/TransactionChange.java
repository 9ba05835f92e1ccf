package dev.kitty.transaction.ledger;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What other services must hear of a transaction: published inside the writing database transaction, turned into
 * {@code TransactionRecorded/Changed/Deleted} (and, for a CSV import, {@code TransactionsImported}) by the service's one translator, so the event enters the outbox if and
 * only if the change commits. Not published for a deleted budget's transactions, nor for an author link dropped with
 * a deleted account.
 */
public sealed interface TransactionChange {

    record Recorded(TransactionSnapshot transaction) implements TransactionChange {}

    /**
     * One part of a CSV import's transactions ({@code part} of {@code parts}, at most
     * {@link dev.kitty.transaction.events.TransactionsImported#MAX_PER_PART} each), with the file's external ids.
     */
    record Imported(UUID importId, UUID budgetId, String currency, UUID importedBy, Instant importedAt, int part, int parts,
            List<ImportedTransaction> transactions) implements TransactionChange {

        public Imported {
            transactions = List.copyOf(transactions);
        }
    }

    /** An imported transaction and the external id its line carried. */
    record ImportedTransaction(TransactionSnapshot transaction, @Nullable String externalId) {}

    record Changed(TransactionSnapshot transaction) implements TransactionChange {}

    record Deleted(UUID transactionId, UUID budgetId, @Nullable UUID deletedBy, Instant deletedAt) implements TransactionChange {}
}
