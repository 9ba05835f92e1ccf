package dev.kitty.transaction.goal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A goal's savings met its target for the first time (by a sweep, a contribution, an adjustment or a lowered
 * target). Published inside the writing transaction, once per goal: {@code reached_at} records it and is never
 * cleared, so a withdrawal and a refill do not publish it again. The translator turns it into {@code GoalReached}.
 */
public record GoalTargetReached(UUID budgetId, UUID goalId, String name, BigDecimal targetAmount, String currency, LocalDate reachedOn) {
}
