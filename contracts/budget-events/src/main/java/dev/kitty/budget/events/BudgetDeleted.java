package dev.kitty.budget.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** Everything that belongs to the budget must disappear in every service. Deletion is final: it beats every membership event of the budget, whatever its version. */
public record BudgetDeleted(UUID budgetId, Instant deletedAt) {

    /** Every field is required: an event missing one fails to decode and is dead-lettered. */
    public BudgetDeleted {
        Objects.requireNonNull(budgetId, "budgetId");
        Objects.requireNonNull(deletedAt, "deletedAt");
    }
}
