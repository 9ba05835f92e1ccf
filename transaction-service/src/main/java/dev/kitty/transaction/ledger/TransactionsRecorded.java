package dev.kitty.transaction.ledger;

import java.util.List;
import java.util.UUID;

/**
 * Many transactions recorded at once in one budget (a CSV import), published once instead of one
 * {@link TransactionWritten} per row, synchronously inside the writing database transaction. Whatever derives from
 * transactions must treat it exactly as one {@code TransactionWritten(budgetId, null, entry)} per entry, but may apply
 * it in bulk.
 */
public record TransactionsRecorded(UUID budgetId, List<TransactionWritten.Entry> entries) {

    public TransactionsRecorded {
        entries = List.copyOf(entries);
    }
}
