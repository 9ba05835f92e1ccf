package dev.kitty.transaction.summary;

import dev.kitty.platform.web.DomainException;
import dev.kitty.platform.web.FieldError;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The whole months a summary or chart covers. {@code from} and {@code to} are ISO dates, each optional; they are
 * widened to whole months ({@code from} to its month's first day, {@code to} to its month's last), because the
 * rollups are monthly and a month is what the budget closes. Without them: the current month in UTC; with only
 * one, that month alone. Refused with 400: a date that does not parse, {@code from} after {@code to}, a date
 * outside 1900–2999, more than {@link #MAX_MONTHS} months.
 */
record Period(YearMonth first, YearMonth last) {

    static final int MAX_MONTHS = 1200;
    private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    private static final LocalDate LATEST = LocalDate.of(2999, 12, 31);

    static Period parse(@Nullable String from, @Nullable String to, Clock clock, int maxMonths) {
        var errors = new ArrayList<FieldError>();
        var fromDate = date("from", from, errors);
        var toDate = date("to", to, errors);
        if (!errors.isEmpty()) {
            throw new DomainException.Invalid("invalid-period", "The period is not valid.", errors);
        }
        if (fromDate == null && toDate == null) {
            var now = YearMonth.now(clock);
            return new Period(now, now);
        }
        var first = YearMonth.from(fromDate != null ? fromDate : toDate);
        var last = YearMonth.from(toDate != null ? toDate : fromDate);
        if (fromDate != null && toDate != null && fromDate.isAfter(toDate)) {
            throw new DomainException.Invalid("invalid-period", "from is after to.", List.of(new FieldError("from", "must not be after to")));
        }
        if (first.until(last, ChronoUnit.MONTHS) + 1 > maxMonths) {
            throw new DomainException.Invalid("invalid-period", "The period is longer than " + maxMonths + " months.",
                    List.of(new FieldError("to", "at most " + maxMonths + " months after from")));
        }
        return new Period(first, last);
    }

    private static @Nullable LocalDate date(String field, @Nullable String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            var date = LocalDate.parse(value.strip());
            if (date.isBefore(EARLIEST) || date.isAfter(LATEST)) {
                errors.add(new FieldError(field, "must be between " + EARLIEST + " and " + LATEST));
                return null;
            }
            return date;
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "must be a date like 2026-03-31"));
            return null;
        }
    }

    LocalDate from() {
        return first.atDay(1);
    }

    LocalDate to() {
        return last.atEndOfMonth();
    }

    List<YearMonth> months() {
        var months = new ArrayList<YearMonth>();
        for (var month = first; !month.isAfter(last); month = month.plusMonths(1)) {
            months.add(month);
        }
        return months;
    }
}
