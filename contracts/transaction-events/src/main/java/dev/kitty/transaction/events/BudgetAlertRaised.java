package dev.kitty.transaction.events;

import java.util.UUID;

/**
 * A budget crossed a line its members want to hear about. {@code kind} is
 * CATEGORY_OVER_LIMIT (then {@code categoryId} and {@code categoryName} are set) or
 * BALANCE_BELOW_ZERO; readers must tolerate kinds they do not know. Money is a decimal
 * string in {@code currency}, {@code month} is {@code YYYY-MM}.
 */
public record BudgetAlertRaised(
        UUID budgetId,
        String kind,
        String month,
        UUID categoryId,
        String categoryName,
        String amount,
        String limit,
        String currency) {}
