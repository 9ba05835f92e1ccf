package dev.kitty.budget.budget;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

record BudgetResponse(UUID id, String name, String currency, @Nullable String description, String timeZone, BudgetRole myRole,
        Instant createdAt) {

    static BudgetResponse from(BudgetView budget) {
        return new BudgetResponse(budget.id(), budget.name(), budget.currency(), budget.description(), budget.timeZone(),
                budget.myRole(), budget.createdAt());
    }
}
