package dev.kitty.transaction.events;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/** A piggy bank goal's savings reached its target. Money is a decimal string in {@code currency}. */
public record GoalReached(UUID budgetId, UUID goalId, String name, String targetAmount, String currency, LocalDate reachedOn) {

    /** Every field is required: an event missing one fails to decode and is dead-lettered. */
    public GoalReached {
        Objects.requireNonNull(budgetId, "budgetId");
        Objects.requireNonNull(goalId, "goalId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(targetAmount, "targetAmount");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(reachedOn, "reachedOn");
    }
}
