package dev.kitty.transaction.recurring;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The dates of a rule: occurrence {@code n} is {@code startOn} plus {@code n × interval} weeks, months or years, always
 * counted from {@code startOn} (never from the previous occurrence). java.time clamps a month's day to the month's length,
 * so a rule from the 31st posts on 30 April, on 28 or 29 February, and on the 31st again in May; one from 29 February
 * posts on 28 February in common years. Occurrences after {@code endOn} do not exist.
 */
record Schedule(Frequency frequency, int interval, LocalDate startOn, @Nullable LocalDate endOn) {

    Schedule {
        Objects.requireNonNull(frequency);
        Objects.requireNonNull(startOn);
        if (interval < 1 || interval > frequency.maxInterval()) {
            throw new IllegalArgumentException("interval " + interval + " outside 1.." + frequency.maxInterval());
        }
        if (endOn != null && endOn.isBefore(startOn)) {
            throw new IllegalArgumentException("endOn before startOn");
        }
    }

    /** Occurrence {@code n} (0 is {@code startOn}), whether or not it is after {@code endOn}. */
    LocalDate occurrence(long n) {
        var steps = n * interval;
        return switch (frequency) {
            case WEEKLY -> startOn.plusWeeks(steps);
            case MONTHLY -> startOn.plusMonths(steps);
            case YEARLY -> startOn.plusYears(steps);
        };
    }

    /** The first occurrence, unless {@code endOn} rules out every one (it cannot: {@code endOn ≥ startOn}). */
    Optional<LocalDate> first() {
        return firstAfter(null);
    }

    /** The first occurrence strictly after {@code date} (the first of all when null), or empty when it would be after {@code endOn}. */
    Optional<LocalDate> firstAfter(@Nullable LocalDate date) {
        long n = 0;
        if (date != null && !date.isBefore(startOn)) {
            var unit = switch (frequency) {
                case WEEKLY -> ChronoUnit.WEEKS;
                case MONTHLY -> ChronoUnit.MONTHS;
                case YEARLY -> ChronoUnit.YEARS;
            };
            // a close estimate, then a step or two to the exact answer (clamped days make the estimate one off at most)
            n = unit.between(startOn, date) / interval;
            while (n > 0 && occurrence(n - 1).isAfter(date)) {
                n--;
            }
            while (!occurrence(n).isAfter(date)) {
                n++;
            }
        }
        var next = occurrence(n);
        return endOn != null && next.isAfter(endOn) ? Optional.empty() : Optional.of(next);
    }
}
