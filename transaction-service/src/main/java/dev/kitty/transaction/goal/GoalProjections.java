package dev.kitty.transaction.goal;

import dev.kitty.transaction.money.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The numbers API.md promises for each goal, from its savings, the goals ahead of it and the budget's recent surplus
 * (ADR 18). Months are calendar months in UTC; "now" counts as the first month of every projection, since its surplus
 * is swept when it closes.
 */
final class GoalProjections {

    /** How many closed months the average surplus looks back on. */
    static final int AVERAGE_OVER = 6;
    /** Projections further out than this (100 years) are no projections: {@code projectedCompletion} is null. */
    static final int HORIZON_MONTHS = 1200;

    record Projection(BigDecimal progress, @Nullable BigDecimal monthlyNeeded, @Nullable YearMonth projectedCompletion) {}

    private GoalProjections() {
    }

    /** The mean of the nets in the currency's digits (half up); null when there is none. */
    static @Nullable BigDecimal average(List<BigDecimal> nets, String currency) {
        if (nets.isEmpty()) {
            return null;
        }
        var sum = nets.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        return sum.divide(BigDecimal.valueOf(nets.size()), Money.digits(currency), RoundingMode.HALF_UP);
    }

    /**
     * @param ordered the budget's goals in sweep order (priority, created_at, id)
     * @param average the average monthly surplus, null when no month has closed
     * @return each goal's projection, by id
     */
    static Map<UUID, Projection> of(List<GoalRow> ordered, @Nullable BigDecimal average, String currency, YearMonth now) {
        var projections = new HashMap<UUID, Projection>();
        var ahead = BigDecimal.ZERO;
        for (var goal : ordered) {
            var needed = goal.needed();
            ahead = ahead.add(needed);
            projections.put(goal.id(), new Projection(progress(goal), monthlyNeeded(goal, currency, now), completion(needed, ahead, average, now)));
        }
        return projections;
    }

    /** saved / target, rounded down to 4 decimals (1 only when the target is met), at most 1. */
    static BigDecimal progress(GoalRow goal) {
        var progress = goal.saved().divide(goal.targetAmount(), 4, RoundingMode.DOWN);
        return progress.compareTo(BigDecimal.ONE) > 0 ? BigDecimal.ONE.setScale(4) : progress.max(BigDecimal.ZERO.setScale(4));
    }

    /**
     * What is still needed, spread over the months left until the target date's month, the current one included
     * (a date in the current month or past leaves one), rounded up to the currency's minor unit; 0 when the target is
     * met, null without a target date.
     */
    static @Nullable BigDecimal monthlyNeeded(GoalRow goal, String currency, YearMonth now) {
        if (goal.targetDate() == null) {
            return null;
        }
        var needed = goal.needed();
        if (needed.signum() == 0) {
            return BigDecimal.ZERO.setScale(Money.digits(currency));
        }
        var monthsLeft = Math.max(1, now.until(YearMonth.from(goal.targetDate()), ChronoUnit.MONTHS) + 1);
        return needed.divide(BigDecimal.valueOf(monthsLeft), Money.digits(currency), RoundingMode.CEILING);
    }

    /**
     * The month whose close fills the goal when every month's surplus is the average and flows first into the goals
     * ahead of it: the k-th month from now (now being the first) where k × average covers what this goal and those
     * ahead still need. The current month when the target is met; null when the average is not positive or the month
     * lies beyond {@link #HORIZON_MONTHS}.
     */
    static @Nullable YearMonth completion(BigDecimal needed, BigDecimal neededThroughThisGoal, @Nullable BigDecimal average, YearMonth now) {
        if (needed.signum() == 0) {
            return now;
        }
        if (average == null || average.signum() <= 0) {
            return null;
        }
        var months = neededThroughThisGoal.divide(average, 0, RoundingMode.CEILING);
        if (months.compareTo(BigDecimal.valueOf(HORIZON_MONTHS)) > 0) {
            return null;
        }
        return now.plusMonths(months.longValueExact() - 1);
    }
}
