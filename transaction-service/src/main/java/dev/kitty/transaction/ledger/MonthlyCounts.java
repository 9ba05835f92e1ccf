package dev.kitty.transaction.ledger;

import java.time.YearMonth;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * How many transactions a budget has in whole months, from data derived from the ledger (the summaries' monthly
 * rollups): what lets a listing say {@code totalElements} without counting a million rows. Implemented outside the
 * ledger (the summary module, which depends on it), so the ledger asks through this interface and falls back to
 * counting rows when nothing implements it.
 */
public interface MonthlyCounts {

    /**
     * Transactions of the budget in the months {@code from}..{@code to} (both included; null: unbounded), of the
     * type, category and author given (null: any).
     */
    long count(UUID budgetId, @Nullable YearMonth from, @Nullable YearMonth to, @Nullable TransactionType type,
            @Nullable UUID categoryId, @Nullable UUID createdBy);
}
