package dev.kitty.transaction.goal;

import dev.kitty.transaction.money.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A goal with its savings and projections (API.md, ADR 18). Money is a decimal string in {@code currency};
 * {@code progress} a number from 0 to 1 with 4 decimals; {@code reachedAt} when the savings first met the target
 * (kept when they later fall below it); {@code createdBy} null for a former member.
 */
record GoalResponse(UUID id, String name, String currency, String targetAmount, @Nullable LocalDate targetDate, int priority,
        String saved, BigDecimal progress, @Nullable String monthlyNeeded, @Nullable String averageMonthlySurplus,
        @Nullable YearMonth projectedCompletion, @Nullable Instant reachedAt, @Nullable UUID createdBy, Instant createdAt,
        Instant updatedAt, long version) {

    static GoalResponse from(GoalRow goal, GoalProjections.Projection projection, @Nullable BigDecimal averageMonthlySurplus) {
        var currency = goal.currency();
        return new GoalResponse(goal.id(), goal.name(), currency, Money.format(goal.targetAmount(), currency), goal.targetDate(),
                goal.priority(), Money.format(goal.saved(), currency), projection.progress(),
                projection.monthlyNeeded() == null ? null : Money.format(projection.monthlyNeeded(), currency),
                averageMonthlySurplus == null ? null : Money.format(averageMonthlySurplus, currency),
                projection.projectedCompletion(), goal.reachedAt(), goal.createdBy(), goal.createdAt(), goal.updatedAt(), goal.version());
    }
}
