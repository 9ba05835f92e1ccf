package dev.kitty.transaction.goal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The projections' arithmetic (ADR 18), without a database. */
class GoalProjectionsTests {

    private static final YearMonth NOW = YearMonth.of(2026, 3);

    @Test
    void theAverageIsTheMeanOfTheNetsInTheCurrencysDigitsAndNullWithoutAny() {
        assertThat(GoalProjections.average(List.of(), "EUR")).isNull();
        assertThat(GoalProjections.average(List.of(new BigDecimal("100"), new BigDecimal("-50"), new BigDecimal("0.01")), "EUR"))
                .isEqualByComparingTo("16.67");
        assertThat(GoalProjections.average(List.of(new BigDecimal("101"), new BigDecimal("100")), "JPY")).isEqualByComparingTo("101");
    }

    @Test
    void progressIsRoundedDownAndCappedAtOne() {
        assertThat(GoalProjections.progress(goal("10000", "9999.99", null))).isEqualByComparingTo("0.9999");
        assertThat(GoalProjections.progress(goal("3", "1", null))).isEqualByComparingTo("0.3333");
        assertThat(GoalProjections.progress(goal("100", "250", null))).isEqualByComparingTo("1");
        assertThat(GoalProjections.progress(goal("100", "0", null)).scale()).isEqualTo(4);
    }

    @Test
    void monthlyNeededSpreadsWhatIsMissingOverTheMonthsLeftRoundedUp() {
        // March, April, May
        assertThat(GoalProjections.monthlyNeeded(goal("100", "0", LocalDate.of(2026, 5, 1)), "EUR", NOW)).isEqualByComparingTo("33.34");
        assertThat(GoalProjections.monthlyNeeded(goal("100", "40", LocalDate.of(2026, 3, 31)), "EUR", NOW)).isEqualByComparingTo("60");
        assertThat(GoalProjections.monthlyNeeded(goal("100", "40", LocalDate.of(2025, 1, 1)), "EUR", NOW)).as("date passed").isEqualByComparingTo("60");
        assertThat(GoalProjections.monthlyNeeded(goal("100", "100", LocalDate.of(2027, 1, 1)), "EUR", NOW)).isEqualByComparingTo("0");
        assertThat(GoalProjections.monthlyNeeded(goal("100", "0", null), "EUR", NOW)).isNull();
        assertThat(GoalProjections.monthlyNeeded(goal("1000", "0", LocalDate.of(2026, 5, 1)), "BHD", NOW)).isEqualByComparingTo("333.334");
    }

    @Test
    void projectedCompletionLetsTheGoalsAheadFillFirst() {
        var first = goal("300", "100", null);
        var second = goal("500", "0", null);
        var reached = goal("50", "80", null);
        var third = goal("100", "0", null);
        var projections = GoalProjections.of(List.of(first, second, reached, third), new BigDecimal("100"), "EUR", NOW);

        // 200 needed: filled by March's and April's surplus
        assertThat(projections.get(first.id()).projectedCompletion()).isEqualTo(YearMonth.of(2026, 4));
        // 200 + 500 = 700: the 7th month from March
        assertThat(projections.get(second.id()).projectedCompletion()).isEqualTo(YearMonth.of(2026, 9));
        assertThat(projections.get(reached.id()).projectedCompletion()).isEqualTo(NOW);
        assertThat(projections.get(third.id()).projectedCompletion()).isEqualTo(YearMonth.of(2026, 10));
    }

    @Test
    void noProjectionWithoutAPositiveAverageOrBeyondAHundredYears() {
        var goal = goal("100", "0", null);
        assertThat(GoalProjections.of(List.of(goal), null, "EUR", NOW).get(goal.id()).projectedCompletion()).isNull();
        assertThat(GoalProjections.of(List.of(goal), BigDecimal.ZERO, "EUR", NOW).get(goal.id()).projectedCompletion()).isNull();
        assertThat(GoalProjections.of(List.of(goal), new BigDecimal("-10"), "EUR", NOW).get(goal.id()).projectedCompletion()).isNull();
        var huge = goal("999999999999.99", "0", null);
        assertThat(GoalProjections.of(List.of(huge), new BigDecimal("0.01"), "EUR", NOW).get(huge.id()).projectedCompletion()).isNull();
        var exact = goal("1200", "0", null);
        assertThat(GoalProjections.of(List.of(exact), BigDecimal.ONE, "EUR", NOW).get(exact.id()).projectedCompletion())
                .isEqualTo(NOW.plusMonths(1199));
        assertThat(GoalProjections.of(List.of(exact), BigDecimal.ONE, "EUR", NOW).get(exact.id()).projectedCompletion()).isNotNull();
    }

    private static GoalRow goal(String target, String saved, @Nullable LocalDate targetDate) {
        var now = Instant.parse("2026-03-01T00:00:00Z");
        return new GoalRow(UUID.randomUUID(), UUID.randomUUID(), "Goal", "EUR", new BigDecimal(target), targetDate, 1, null, 1, null, now, now,
                new BigDecimal(saved), BigDecimal.ZERO);
    }
}
