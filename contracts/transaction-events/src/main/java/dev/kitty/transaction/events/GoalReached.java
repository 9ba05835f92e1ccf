package dev.kitty.transaction.events;

import java.time.LocalDate;
import java.util.UUID;

/** A piggy bank goal's savings reached its target. Money is a decimal string in {@code currency}. */
public record GoalReached(UUID budgetId, UUID goalId, String name, String targetAmount, String currency, LocalDate reachedOn) {}
