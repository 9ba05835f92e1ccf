package dev.kitty.transaction.recurring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The dates of recurring rules: month ends, leap days, intervals and end dates, by example and as properties. */
class ScheduleTests {

    private static List<LocalDate> dates(Schedule schedule, int count) {
        var dates = new ArrayList<LocalDate>();
        Optional<LocalDate> next = schedule.first();
        while (next.isPresent() && dates.size() < count) {
            dates.add(next.get());
            next = schedule.firstAfter(next.get());
        }
        return dates;
    }

    private static LocalDate date(String text) {
        return LocalDate.parse(text);
    }

    @Test
    void aRuleOnThe31stPostsOnEachMonthsLastDayAndBackOnThe31st() {
        var schedule = new Schedule(Frequency.MONTHLY, 1, date("2027-01-31"), null);

        assertThat(dates(schedule, 6)).containsExactly(date("2027-01-31"), date("2027-02-28"), date("2027-03-31"), date("2027-04-30"),
                date("2027-05-31"), date("2027-06-30"));
    }

    @Test
    void februaryOfALeapYearHas29Days() {
        var schedule = new Schedule(Frequency.MONTHLY, 1, date("2028-01-30"), null);

        assertThat(dates(schedule, 3)).containsExactly(date("2028-01-30"), date("2028-02-29"), date("2028-03-30"));
    }

    @Test
    void aYearlyRuleOnALeapDayPostsOnThe28thInCommonYears() {
        var schedule = new Schedule(Frequency.YEARLY, 1, date("2028-02-29"), null);

        assertThat(dates(schedule, 5)).containsExactly(date("2028-02-29"), date("2029-02-28"), date("2030-02-28"), date("2031-02-28"),
                date("2032-02-29"));
    }

    @Test
    void weeklyRulesCountWeeksFromTheStart() {
        var schedule = new Schedule(Frequency.WEEKLY, 2, date("2026-12-28"), null);

        assertThat(dates(schedule, 3)).containsExactly(date("2026-12-28"), date("2027-01-11"), date("2027-01-25"));
    }

    @Test
    void anIntervalSkipsMonths() {
        var schedule = new Schedule(Frequency.MONTHLY, 3, date("2026-11-30"), null);

        assertThat(dates(schedule, 4)).containsExactly(date("2026-11-30"), date("2027-02-28"), date("2027-05-30"), date("2027-08-30"));
    }

    @Test
    void theEndDateIsTheLastPossibleOccurrence() {
        var schedule = new Schedule(Frequency.MONTHLY, 1, date("2026-01-15"), date("2026-03-15"));

        assertThat(dates(schedule, 10)).containsExactly(date("2026-01-15"), date("2026-02-15"), date("2026-03-15"));
        assertThat(schedule.firstAfter(date("2026-03-15"))).isEmpty();
    }

    @ParameterizedTest(name = "after {0} comes {1}")
    @CsvSource({
        "2026-12-31, 2027-01-31",  // before the start: the start
        "2027-01-31, 2027-02-28",
        "2027-02-27, 2027-02-28",
        "2027-02-28, 2027-03-31",
        "2027-04-29, 2027-04-30",
        "2027-04-30, 2027-05-31",
        "2030-06-01, 2030-06-30",
    })
    void firstAfterAnyDate(String after, String expected) {
        var schedule = new Schedule(Frequency.MONTHLY, 1, date("2027-01-31"), null);

        assertThat(schedule.firstAfter(date(after))).contains(date(expected));
    }

    @Test
    void refusesIntervalsOutsideTheFrequencysRange() {
        assertThatThrownBy(() -> new Schedule(Frequency.MONTHLY, 13, date("2026-01-01"), null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Schedule(Frequency.WEEKLY, 0, date("2026-01-01"), null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Schedule(Frequency.YEARLY, 1, date("2026-01-02"), date("2026-01-01")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void scheduleProblemsNameEachField() {
        var today = date("2026-06-15");

        assertThat(RecurringRules.scheduleProblems(Frequency.WEEKLY, 53, today, null, today, true)).extracting("field").containsExactly("interval");
        assertThat(RecurringRules.scheduleProblems(Frequency.MONTHLY, 1, date("2025-06-14"), null, today, true)).extracting("field")
                .containsExactly("startOn");
        assertThat(RecurringRules.scheduleProblems(Frequency.MONTHLY, 1, date("2025-06-14"), null, today, false)).isEmpty();
        assertThat(RecurringRules.scheduleProblems(Frequency.MONTHLY, 1, today, date("2026-06-14"), today, true)).extracting("field")
                .containsExactly("endOn");
        assertThat(RecurringRules.scheduleProblems(Frequency.YEARLY, 10, today, today, today, true)).isEmpty();
    }

    // properties

    private static LocalDate day(int dayNumber) {
        return LocalDate.of(2000, 1, 1).plusDays(dayNumber);
    }

    @Property
    void occurrencesStrictlyIncreaseAndFirstAfterFindsTheNextOne(@ForAll Frequency frequency, @ForAll @IntRange(min = 1, max = 52) int interval,
            @ForAll @IntRange(min = 0, max = 20_000) int start, @ForAll @IntRange(min = 0, max = 3_000) int probe) {
        var schedule = new Schedule(frequency, Math.min(interval, frequency.maxInterval()), day(start), null);
        var after = day(start).plusDays(probe);

        var next = schedule.firstAfter(after).orElseThrow();

        assertThat(next).isAfter(after);
        // nothing of the schedule lies strictly between the probe and the answer
        long n = 0;
        while (!schedule.occurrence(n).isAfter(after)) {
            assertThat(schedule.occurrence(n + 1)).isAfter(schedule.occurrence(n));
            n++;
        }
        assertThat(schedule.occurrence(n)).isEqualTo(next);
    }

    @Property
    void aMonthlyRuleNeverSkipsAMonthAndPostsOnTheClampedDay(@ForAll @IntRange(min = 0, max = 20_000) int start,
            @ForAll @IntRange(min = 1, max = 60) int months) {
        var startOn = day(start);
        var schedule = new Schedule(Frequency.MONTHLY, 1, startOn, null);

        var dates = dates(schedule, months);

        for (int i = 0; i < dates.size(); i++) {
            var month = YearMonth.from(startOn).plusMonths(i);
            assertThat(YearMonth.from(dates.get(i))).isEqualTo(month);
            assertThat(dates.get(i).getDayOfMonth()).isEqualTo(Math.min(startOn.getDayOfMonth(), month.lengthOfMonth()));
        }
    }

    @Property
    void weeklyOccurrencesAreExactlyTheIntervalApart(@ForAll @IntRange(min = 1, max = 52) int interval,
            @ForAll @IntRange(min = 0, max = 20_000) int start) {
        var dates = dates(new Schedule(Frequency.WEEKLY, interval, day(start), null), 20);

        for (int i = 1; i < dates.size(); i++) {
            assertThat(ChronoUnit.DAYS.between(dates.get(i - 1), dates.get(i))).isEqualTo(7L * interval);
        }
    }

    @Property
    void nothingComesAfterTheEnd(@ForAll Frequency frequency, @ForAll @IntRange(min = 0, max = 20_000) int start,
            @ForAll @IntRange(min = 0, max = 2_000) int length) {
        @Nullable LocalDate end = day(start).plusDays(length);
        var dates = dates(new Schedule(frequency, 1, day(start), end), 500);

        assertThat(dates).isNotEmpty().allSatisfy(date -> assertThat(date).isBetween(day(start), end));
    }
}
