package dev.kitty.budget.events;

import java.time.Instant;
import java.util.UUID;

/** A budget exists; its creator is its owner. {@code currency} is ISO 4217. */
public record BudgetCreated(UUID budgetId, UUID ownerId, String name, String currency, Instant createdAt) {}
