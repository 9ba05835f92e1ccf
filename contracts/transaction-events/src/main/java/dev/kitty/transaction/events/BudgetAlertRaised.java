package dev.kitty.transaction.events;

import java.util.Objects;
import java.util.UUID;

/**
 * A budget crossed a line its members want to hear about. {@code kind} is
 * CATEGORY_OVER_LIMIT (then {@code categoryId} and {@code categoryName} are set) or
 * BALANCE_BELOW_ZERO; readers must tolerate kinds they do not know. Money is a decimal
 * string in {@code currency}, {@code month} is {@code YYYY-MM}.
 *
 * @param categoryId   optional: absent unless the alert is about a category
 * @param categoryName optional: absent unless the alert is about a category
 */
public record BudgetAlertRaised(
        UUID budgetId,
        String kind,
        String month,
        UUID categoryId,
        String categoryName,
        String amount,
        String limit,
        String currency) {

    /** The other fields are required: an event missing one fails to decode and is dead-lettered. */
    public BudgetAlertRaised {
        Objects.requireNonNull(budgetId, "budgetId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(month, "month");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(limit, "limit");
        Objects.requireNonNull(currency, "currency");
    }
}
