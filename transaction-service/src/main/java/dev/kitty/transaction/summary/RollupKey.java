package dev.kitty.transaction.summary;

import dev.kitty.transaction.ledger.TransactionType;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One row of {@code monthly_rollup}: a budget's month, category (null: uncategorised), author (null: a former member) and type. */
record RollupKey(UUID budgetId, LocalDate month, @Nullable UUID categoryId, @Nullable UUID memberId, TransactionType type) {

    /** A total order, so that every writer locks the rows it changes in the same order and two edits cannot deadlock. */
    static final Comparator<RollupKey> LOCK_ORDER = Comparator.comparing(RollupKey::budgetId)
            .thenComparing(RollupKey::month)
            .thenComparing(key -> Objects.toString(key.categoryId(), ""))
            .thenComparing(key -> Objects.toString(key.memberId(), ""))
            .thenComparing(RollupKey::type);

    RollupKey {
        month = month.withDayOfMonth(1);
    }
}
