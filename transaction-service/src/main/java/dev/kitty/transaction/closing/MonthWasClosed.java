package dev.kitty.transaction.closing;

import dev.kitty.transaction.goal.GoalSavings;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A budget's month closed (published inside the closing transaction; the messaging translator makes it
 * {@code MonthClosed}). Amounts are in {@code currency}.
 *
 * @param topExpenseCategories at most five, largest first; a null id is the uncategorised expense
 * @param allocations          what went into each goal at this close: the month's SURPLUS, then ADJUSTMENTs (signed)
 * @param recentMonths         this month's frozen totals and those of up to eleven months closed before it, oldest first
 */
public record MonthWasClosed(UUID budgetId, YearMonth month, String currency, BigDecimal income, BigDecimal expense,
        BigDecimal net, List<CategoryAmount> topExpenseCategories, List<GoalSavings.Allocation> allocations,
        List<MonthTotals> recentMonths, Instant closedAt, @Nullable UUID closedBy) {

    /** A category's expense in the month; {@code categoryId} null and {@code name} "Uncategorised" for the rest. */
    public record CategoryAmount(@Nullable UUID categoryId, String name, BigDecimal amount) {}

    public record MonthTotals(YearMonth month, BigDecimal income, BigDecimal expense) {}
}
