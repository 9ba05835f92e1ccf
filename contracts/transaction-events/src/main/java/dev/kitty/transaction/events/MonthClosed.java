package dev.kitty.transaction.events;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A budget's month closed, once, after its last day in the budget's time zone: its totals are frozen and its surplus
 * (and any adjustment for changes to months closed earlier) went to the budget's goals. Carries what the monthly digest
 * shows, so that no reader has to call back. Money is a decimal string in {@code currency}; months are {@code YYYY-MM}.
 *
 * @param topExpenseCategories the month's largest expense categories, largest first (at most five)
 * @param allocations          what went into each goal at this close: SURPLUS of this month, or ADJUSTMENT (signed) for
 *                             changes to months closed before; empty when nothing was swept
 * @param recentMonths         the totals of this month and up to eleven before it, oldest first, for the digest's chart
 */
public record MonthClosed(
        UUID budgetId,
        String month,
        String currency,
        String income,
        String expense,
        String net,
        List<CategoryTotal> topExpenseCategories,
        List<GoalAllocation> allocations,
        List<MonthTotals> recentMonths,
        Instant closedAt) {

    /** Every field is required: an event missing one fails to decode and is dead-lettered. */
    public MonthClosed {
        Objects.requireNonNull(budgetId, "budgetId");
        Objects.requireNonNull(month, "month");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(income, "income");
        Objects.requireNonNull(expense, "expense");
        Objects.requireNonNull(net, "net");
        topExpenseCategories = List.copyOf(Objects.requireNonNull(topExpenseCategories, "topExpenseCategories"));
        allocations = List.copyOf(Objects.requireNonNull(allocations, "allocations"));
        recentMonths = List.copyOf(Objects.requireNonNull(recentMonths, "recentMonths"));
        Objects.requireNonNull(closedAt, "closedAt");
    }

    /**
     * One category's expense in the month.
     *
     * @param categoryId null for the uncategorised expense (the key is always present)
     * @param name       the category's name, or {@code Uncategorised}
     */
    public record CategoryTotal(UUID categoryId, String name, String amount) {

        public CategoryTotal {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(amount, "amount");
        }
    }

    /** What one goal received at this close; {@code kind} is SURPLUS or ADJUSTMENT, and an ADJUSTMENT may be negative. */
    public record GoalAllocation(UUID goalId, String name, String amount, String kind) {

        public GoalAllocation {
            Objects.requireNonNull(goalId, "goalId");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(amount, "amount");
            Objects.requireNonNull(kind, "kind");
        }
    }

    /** A month's income and expense. */
    public record MonthTotals(String month, String income, String expense) {

        public MonthTotals {
            Objects.requireNonNull(month, "month");
            Objects.requireNonNull(income, "income");
            Objects.requireNonNull(expense, "expense");
        }
    }
}
