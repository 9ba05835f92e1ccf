package dev.kitty.transaction.closing;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;

/** A budget's months in its time zone: a month begins at local midnight of its first day, wherever the budget is. */
record BudgetCalendar(ZoneId zone) {

    /** The zone stored with the budget; UTC when none was told or it is unknown here. */
    static BudgetCalendar of(@Nullable String timeZone) {
        if (timeZone == null) {
            return new BudgetCalendar(ZoneOffset.UTC);
        }
        try {
            return new BudgetCalendar(ZoneId.of(timeZone));
        } catch (DateTimeException e) {
            return new BudgetCalendar(ZoneOffset.UTC);
        }
    }

    /** When {@code month} is over and may close: the start of the month after it, in the budget's zone. */
    Instant dueAt(YearMonth month) {
        return month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
    }

    YearMonth monthOf(Instant instant) {
        return YearMonth.from(instant.atZone(zone));
    }

    static YearMonth month(LocalDate firstDay) {
        return YearMonth.from(firstDay);
    }
}
