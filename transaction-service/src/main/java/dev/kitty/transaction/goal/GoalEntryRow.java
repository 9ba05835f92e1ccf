package dev.kitty.transaction.goal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One entry of a goal's ledger: a signed amount and why it moved. */
record GoalEntryRow(UUID id, UUID goalId, UUID budgetId, @Nullable YearMonth month, BigDecimal amount, EntryKind kind,
        @Nullable UUID createdBy, Instant createdAt) {
}
