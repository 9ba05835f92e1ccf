package dev.kitty.budget.budget;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A budget as one member sees it: with their role, and the row version that is its ETag. */
record BudgetView(UUID id, String name, String currency, @Nullable String description, String timeZone, BudgetRole myRole,
        Instant createdAt, long version) {

    BudgetView(UUID id, String name, String currency, @Nullable String description, String timeZone, BudgetRole myRole,
            Instant createdAt, @Nullable Long version) {
        this(id, name, currency, description, timeZone, myRole, createdAt, version == null ? 0L : version.longValue());
    }

    static BudgetView of(Budget budget, BudgetRole myRole) {
        return new BudgetView(budget.id(), budget.name(), budget.currency(), budget.description(), budget.timeZone(), myRole,
                budget.createdAt(), budget.version());
    }
}
