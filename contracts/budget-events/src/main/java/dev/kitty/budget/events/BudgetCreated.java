package dev.kitty.budget.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A budget exists; its creator is its owner. {@code currency} is ISO 4217, {@code timeZone} an
 * IANA zone id: the zone in which the budget's months begin and end.
 *
 * <p>The budget's first event: the owner's membership it implies is older than every
 * membership event of the budget (their {@code version}s start at 1), so a replica lets it
 * overwrite nothing.
 */
public record BudgetCreated(UUID budgetId, UUID ownerId, String name, String currency, String timeZone, Instant createdAt) {

    /** Every field is required: an event missing one fails to decode and is dead-lettered. */
    public BudgetCreated {
        Objects.requireNonNull(budgetId, "budgetId");
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(timeZone, "timeZone");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
