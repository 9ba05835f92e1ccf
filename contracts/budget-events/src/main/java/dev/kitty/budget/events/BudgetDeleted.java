package dev.kitty.budget.events;

import java.time.Instant;
import java.util.UUID;

/** Everything that belongs to the budget must disappear in every service. */
public record BudgetDeleted(UUID budgetId, Instant deletedAt) {}
