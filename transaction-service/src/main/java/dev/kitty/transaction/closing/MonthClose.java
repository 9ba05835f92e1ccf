package dev.kitty.transaction.closing;

import dev.kitty.platform.web.DomainException;
import dev.kitty.transaction.category.Categories;
import dev.kitty.transaction.category.CategoryView;
import dev.kitty.transaction.goal.EntryKind;
import dev.kitty.transaction.goal.GoalSavings;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Closes budgets' months, each exactly once and in order, one database transaction per month.
 *
 * <p>A month M of a budget is due when the clock has passed the start of M+1 in the budget's zone. Each budget has a
 * cursor row (its next month to close and when that falls due); closing claims the cursor with
 * {@code FOR UPDATE SKIP LOCKED}, so several instances share the work without ever closing the same month twice
 * (ADR 17), and the {@code closed_month} primary key is the second guard. The first month to close is the earlier of
 * the budget's creation month and its earliest month with transactions; from there the cursor moves one month per
 * transaction, so after downtime every missed month closes, in order.
 *
 * <p>Closing M (one transaction): freeze M's totals from the rollups, sweep {@code max(net, 0)} into the goals
 * (SURPLUS), then settle every earlier month whose surplus changed since it was settled: an increase is swept
 * (ADJUSTMENT), a decrease taken back from the goals as far as that month's sweeps put money in; then move the cursor
 * and publish {@link MonthWasClosed}.
 */
@Component
public class MonthClose {

    private static final Logger log = LoggerFactory.getLogger(MonthClose.class);

    static final int TOP_CATEGORIES = 5;
    static final int RECENT_MONTHS = 12;
    static final String UNCATEGORISED = "Uncategorised";

    private final MonthCloseRepository repository;
    private final TransactionTemplate transactions;
    private final GoalSavings goals;
    private final Categories categories;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    MonthClose(MonthCloseRepository repository, TransactionTemplate transactions, GoalSavings goals, Categories categories,
            ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.transactions = transactions;
        this.goals = goals;
        this.categories = categories;
        this.events = events;
        this.clock = clock;
    }

    /** One month closed by one call. */
    public record Closed(UUID budgetId, YearMonth month) {}

    /**
     * Closes every month that is due now, of every budget, oldest due first, each in its own transaction; a budget
     * whose close fails is logged and left for the next run. What another instance holds is skipped.
     *
     * @return the months this call closed, in the order it closed them
     */
    public List<Closed> closeDueMonths() {
        return closeDueMonths(null);
    }

    /** {@link #closeDueMonths()} for some budgets only ({@code null}: all), so that tests leave each other's budgets alone. */
    List<Closed> closeDueMonths(@Nullable Collection<UUID> only) {
        return closeDueMonths(only, () -> {});
    }

    /**
     * {@link #closeDueMonths()}, calling {@code beforeEachMonth} before each month's transaction: the scheduler's pace,
     * which leaves the reads of everyone else their share of the machine while thousands of budgets close.
     */
    List<Closed> closeDueMonths(@Nullable Collection<UUID> only, Runnable beforeEachMonth) {
        var now = clock.instant();
        prepareCursors(only);
        var closed = new ArrayList<Closed>();
        Set<UUID> failed = new HashSet<>(Set.of(MonthCloseRepository.NO_ID));
        while (true) {
            beforeEachMonth.run();
            var claimed = new AtomicReference<@Nullable UUID>();
            try {
                var done = transactions.execute(status -> repository.claimDue(now, only, failed)
                        .map(cursor -> {
                            claimed.set(cursor.budgetId());
                            return closeNext(cursor, now, null);
                        })
                        .orElse(null));
                if (done == null) {
                    return closed;
                }
                closed.add(done);
            } catch (RuntimeException e) {
                var budget = claimed.get();
                if (budget == null) {
                    log.error("Month close stopped: could not claim due work", e);
                    return closed;
                }
                log.error("Month close of budget {} failed; it is retried at the next run", budget, e);
                failed.add(budget);
            }
        }
    }

    /**
     * Closes, now, every open month of the budget up to and including {@code through} (an operator's on-demand close).
     *
     * @return the months closed, oldest first
     * @throws DomainException.NotFound    when the budget is unknown here
     * @throws DomainException.Invalid     when {@code through} is after the budget's current month
     * @throws DomainException.Conflict    {@code month-already-closed} when {@code through} is closed already
     */
    List<Closed> closeThrough(UUID budgetId, YearMonth through, UUID closedBy) {
        var now = clock.instant();
        var calendar = repository.calendarOf(budgetId).orElseThrow(() -> new DomainException.NotFound("No such budget."));
        var current = calendar.monthOf(now);
        if (through.isAfter(current)) {
            throw new DomainException.Invalid("invalid-month", "Only a month up to the current one (" + current + ") can be closed.",
                    List.of(new dev.kitty.platform.web.FieldError("month", "must not be after " + current)));
        }
        prepareCursors(List.of(budgetId));
        var closed = new ArrayList<Closed>();
        while (true) {
            var done = transactions.execute(status -> {
                var cursor = repository.lock(budgetId).orElseThrow(() -> new DomainException.NotFound("No such budget."));
                if (effectiveNext(cursor).isAfter(through)) {
                    if (closed.isEmpty()) {
                        throw new DomainException.Conflict("month-already-closed", through + " is already closed.");
                    }
                    return null;
                }
                return closeNext(cursor, now, closedBy);
            });
            if (done == null) {
                return closed;
            }
            closed.add(done);
        }
    }

    /**
     * Gives every budget the replica knows a cursor, and moves the cursors of budgets that have not closed anything
     * yet back to their earliest month with transactions, so that month falls due now.
     */
    private void prepareCursors(@Nullable Collection<UUID> only) {
        var fresh = repository.budgetsWithoutCursor(only);
        if (!fresh.isEmpty()) {
            transactions.executeWithoutResult(status -> fresh.forEach(budget -> {
                var calendar = BudgetCalendar.of(budget.timeZone());
                var first = calendar.monthOf(budget.createdAt());
                if (budget.firstRollupMonth() != null && BudgetCalendar.month(budget.firstRollupMonth()).isBefore(first)) {
                    first = BudgetCalendar.month(budget.firstRollupMonth());
                }
                repository.insertCursor(budget.budgetId(), first, calendar.dueAt(first));
            }));
        }
        for (var backdated : repository.backdated(only)) {
            transactions.executeWithoutResult(status -> repository.moveBack(backdated.budgetId(), backdated.firstRollupMonth(),
                    backdated.calendar().dueAt(backdated.firstRollupMonth())));
        }
    }

    /** The month the cursor stands at; before the first close, an earlier month with transactions comes first. */
    private YearMonth effectiveNext(MonthCloseRepository.Cursor cursor) {
        if (cursor.started()) {
            return cursor.nextMonth();
        }
        return repository.firstRollupMonth(cursor.budgetId())
                .filter(first -> first.isBefore(cursor.nextMonth()))
                .orElse(cursor.nextMonth());
    }

    /** Closes the cursor's month; runs inside the transaction that holds the cursor row. */
    private Closed closeNext(MonthCloseRepository.Cursor cursor, Instant now, @Nullable UUID closedBy) {
        var budgetId = cursor.budgetId();
        var month = effectiveNext(cursor);
        var next = month.plusMonths(1);
        repository.advance(budgetId, next, cursor.calendar().dueAt(next));
        if (repository.isClosed(budgetId, month)) {
            log.warn("Budget {}: {} was closed already; its cursor moves on", budgetId, month);
            return new Closed(budgetId, month);
        }
        var totals = repository.totals(budgetId, month);
        var surplus = totals.surplus();
        var allocations = new ArrayList<GoalSavings.Allocation>();
        var sweptHere = BigDecimal.ZERO;
        if (surplus.signum() > 0) {
            var swept = goals.sweep(budgetId, month, surplus, EntryKind.SURPLUS);
            allocations.addAll(swept);
            sweptHere = sum(swept);
        }
        repository.insertClosed(budgetId, month, totals, surplus, BigDecimal.ZERO, now, closedBy);
        for (var unsettled : repository.unsettledBefore(budgetId, month)) {
            allocations.addAll(settle(budgetId, unsettled, now));
        }
        repository.allocatedToGoals(budgetId, month, sum(allocations), sweptHere);
        events.publishEvent(new MonthWasClosed(budgetId, month, cursor.currency(), totals.income(), totals.expense(), totals.net(),
                topExpenses(budgetId, month), List.copyOf(allocations), recentMonths(budgetId, month), now, closedBy));
        return new Closed(budgetId, month);
    }

    /**
     * Settles an earlier month whose surplus changed: an increase goes to the goals as ADJUSTMENT; a decrease takes
     * back what the month's sweeps put in beyond its new surplus (an unallocated part of the surplus absorbs a
     * decrease first). A month without a row (entered after the cursor passed it) gets one, frozen as it stands now.
     */
    private List<GoalSavings.Allocation> settle(UUID budgetId, MonthCloseRepository.Unsettled month, Instant now) {
        var accounted = month.accounted() == null ? BigDecimal.ZERO : month.accounted();
        if (month.accounted() == null) {
            repository.insertClosed(budgetId, month.month(), month.now(), BigDecimal.ZERO, BigDecimal.ZERO, now, null);
        }
        var surplus = month.now().surplus();
        var change = surplus.subtract(accounted);
        List<GoalSavings.Allocation> moved = List.of();
        if (change.signum() > 0) {
            moved = goals.sweep(budgetId, month.month(), change, EntryKind.ADJUSTMENT);
        } else {
            var excess = month.swept().subtract(surplus);
            if (excess.signum() > 0) {
                moved = goals.takeBack(budgetId, month.month(), excess);
            }
        }
        repository.settled(budgetId, month.month(), surplus, sum(moved));
        return moved;
    }

    private List<MonthWasClosed.CategoryAmount> topExpenses(UUID budgetId, YearMonth month) {
        var top = repository.topExpenses(budgetId, month, TOP_CATEGORIES);
        Map<UUID, String> names = top.stream().anyMatch(sum -> sum.categoryId() != null)
                ? categories.ofBudget(budgetId).stream().collect(Collectors.toMap(CategoryView::id, CategoryView::name))
                : Map.of();
        return top.stream()
                .map(sum -> new MonthWasClosed.CategoryAmount(sum.categoryId(),
                        sum.categoryId() == null ? UNCATEGORISED : names.getOrDefault(sum.categoryId(), UNCATEGORISED), sum.amount()))
                .toList();
    }

    private List<MonthWasClosed.MonthTotals> recentMonths(UUID budgetId, YearMonth month) {
        return repository.closedBetween(budgetId, month.minusMonths(RECENT_MONTHS - 1), month).stream()
                .map(row -> new MonthWasClosed.MonthTotals(row.month(), row.income(), row.expense()))
                .toList();
    }

    private static BigDecimal sum(List<GoalSavings.Allocation> allocations) {
        return allocations.stream().map(GoalSavings.Allocation::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

}
