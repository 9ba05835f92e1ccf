package dev.kitty.transaction.alert;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.UUID;

/**
 * An alert raised for the first time in its month, published inside the writing transaction (the translator turns it
 * into {@code BudgetAlertRaised}).
 */
public sealed interface BudgetAlert {

    UUID budgetId();

    YearMonth month();

    String currency();

    /** The contract's name for the kind ({@code BudgetAlertRaised.kind}). */
    default String kind() {
        return switch (this) {
            case CategoryOverLimit ignored -> "CATEGORY_OVER_LIMIT";
            case BalanceBelowZero ignored -> "BALANCE_BELOW_ZERO";
        };
    }

    /** The month's expense in a category passed the category's monthly limit. */
    record CategoryOverLimit(UUID budgetId, YearMonth month, UUID categoryId, String categoryName, BigDecimal spent,
            BigDecimal limit, String currency) implements BudgetAlert {
    }

    /** The month's income minus its expense went below zero. */
    record BalanceBelowZero(UUID budgetId, YearMonth month, BigDecimal balance, String currency) implements BudgetAlert {
    }
}
