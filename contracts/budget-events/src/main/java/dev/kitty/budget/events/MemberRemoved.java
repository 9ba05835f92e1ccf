package dev.kitty.budget.events;

import java.util.Objects;
import java.util.UUID;

/** The user no longer has any role in the budget. */
public record MemberRemoved(UUID budgetId, UUID userId) {

    /** Every field is required: an event missing one fails to decode and is dead-lettered. */
    public MemberRemoved {
        Objects.requireNonNull(budgetId, "budgetId");
        Objects.requireNonNull(userId, "userId");
    }
}
