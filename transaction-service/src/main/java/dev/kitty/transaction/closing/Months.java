package dev.kitty.transaction.closing;

import dev.kitty.platform.security.CurrentUser;
import dev.kitty.platform.web.DomainException;
import dev.kitty.platform.web.FieldError;
import dev.kitty.transaction.membership.BudgetAccess;
import dev.kitty.transaction.membership.BudgetRole;
import dev.kitty.transaction.money.Money;
import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A budget's months as the API shows them, and the operators' on-demand close. */
@Service
class Months {

    /** The operators' trail: who closed which budget's months on demand. */
    private static final Logger audit = LoggerFactory.getLogger("audit");

    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");
    private static final YearMonth EARLIEST = YearMonth.of(1900, 1);

    private final BudgetAccess access;
    private final MonthCloseRepository repository;
    private final MonthClose monthClose;
    private final Clock clock;

    Months(BudgetAccess access, MonthCloseRepository repository, MonthClose monthClose, Clock clock) {
        this.access = access;
        this.repository = repository;
        this.monthClose = monthClose;
        this.clock = clock;
    }

    /**
     * Newest first: from the current month (in the budget's zone) back to the earliest month with transactions or a
     * close. A closed month shows its frozen totals and what went to goals at its close; an open one its current totals.
     */
    @Transactional(readOnly = true)
    Page<MonthResponse> list(CurrentUser caller, UUID budgetId, int page, int size) {
        var currency = access.grant(budgetId, caller, BudgetRole.VIEWER).currency();
        var pageable = PageRequest.of(page, size);
        var calendar = repository.calendarOf(budgetId).orElseGet(() -> BudgetCalendar.of(null));
        var current = calendar.monthOf(clock.instant());
        var first = repository.firstMonth(budgetId).orElse(null);
        if (first == null || first.isAfter(current)) {
            return new PageImpl<>(List.of(), pageable, 0);
        }
        long total = ChronoUnit.MONTHS.between(first, current) + 1;
        long offset = (long) page * size;
        if (offset >= total) {
            return new PageImpl<>(List.of(), pageable, total);
        }
        var to = current.minusMonths(offset);
        var from = to.minusMonths(size - 1L);
        if (from.isBefore(first)) {
            from = first;
        }
        var rows = repository.months(budgetId, from, to).stream().map(row -> MonthResponse.from(row, currency)).toList();
        return new PageImpl<>(rows, pageable, total);
    }

    /** Closes the budget's open months up to {@code month} now, for an operator (the controller checks the system role). */
    List<MonthResponse> closeOnDemand(CurrentUser operator, UUID budgetId, String month) {
        var through = parse(month);
        var closed = monthClose.closeThrough(budgetId, through, operator.id());
        audit.info("month-close-on-demand budget={} through={} operator={} closed={}", budgetId, through, operator.id(),
                closed.stream().map(c -> c.month().toString()).toList());
        var currency = repository.currencyOf(budgetId).orElse("EUR");
        return repository.closedBetween(budgetId, closed.getFirst().month(), through).stream()
                .map(row -> new MonthResponse(row.month().toString(), Money.format(row.income(), currency), Money.format(row.expense(), currency),
                        Money.format(row.net(), currency), true, Money.format(row.allocatedToGoals(), currency)))
                .toList();
    }

    private static YearMonth parse(String month) {
        try {
            if (MONTH.matcher(month).matches()) {
                var parsed = YearMonth.parse(month);
                if (!parsed.isBefore(EARLIEST)) {
                    return parsed;
                }
            }
        } catch (DateTimeParseException e) {
            // below
        }
        throw new DomainException.Invalid("invalid-month", "A month is YYYY-MM, from 1900-01.",
                List.of(new FieldError("month", "must be a month YYYY-MM from 1900-01")));
    }

    /** One month of a budget; money as decimal strings in the budget's currency. */
    record MonthResponse(String month, String income, String expense, String net, boolean closed, String allocatedToGoals) {

        static MonthResponse from(MonthCloseRepository.MonthRow row, String currency) {
            return new MonthResponse(row.month().toString(), Money.format(row.income(), currency), Money.format(row.expense(), currency),
                    Money.format(row.income().subtract(row.expense()), currency), row.closed(), Money.format(row.allocatedToGoals(), currency));
        }
    }
}
