package dev.kitty.transaction.alert;

import dev.kitty.budget.events.BudgetDeleted;
import dev.kitty.platform.messaging.IntegrationEventListener;
import dev.kitty.transaction.category.CategoryDeleted;
import dev.kitty.transaction.ledger.TransactionType;
import dev.kitty.transaction.ledger.TransactionWritten;
import dev.kitty.transaction.ledger.TransactionsRecorded;
import dev.kitty.transaction.membership.MembershipReplica;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Raises a budget's alerts inside the transaction that wrote its money (ADR 20).
 *
 * <p>Every {@link TransactionWritten} and {@link TransactionsRecorded} only notes which months (and, for expenses,
 * which categories in them) it touched; just before the writing transaction commits, when the rollups
 * ({@code summary/Rollups}, plain listeners) have all been applied, each touched month and category is checked once
 * against {@code monthly_rollup}: a whole CSV import is one check per month and category, not one per row. An alert
 * whose {@code raised_alert} row goes in is published; one already raised in its month is not, so a category that
 * dips back under its limit and goes over again, or whose limit changes, stays quiet until the next month.
 */
@Component
class Alerts {

    private static final Logger log = LoggerFactory.getLogger(Alerts.class);

    /** The key under which a transaction holds what it touched. */
    private static final Object TOUCHED = new Object();

    private final JdbcClient jdbc;
    private final MembershipReplica memberships;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Alerts(JdbcClient jdbc, MembershipReplica memberships, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.memberships = memberships;
        this.events = events;
        this.clock = clock;
    }

    @EventListener
    void on(TransactionWritten event) {
        touch(event.budgetId(), Stream.of(event.before(), event.after()).filter(Objects::nonNull).toList());
    }

    @EventListener
    void on(TransactionsRecorded event) {
        touch(event.budgetId(), event.entries());
    }

    /** A deleted category cannot alert again: its rows go with it. */
    @EventListener
    void on(CategoryDeleted event) {
        jdbc.sql("DELETE FROM raised_alert WHERE budget_id = :budgetId AND category_id = :categoryId")
                .param("budgetId", event.budgetId()).param("categoryId", event.categoryId())
                .update();
    }

    @IntegrationEventListener(id = "transaction.alert.budget-deleted")
    void on(BudgetDeleted event) {
        jdbc.sql("DELETE FROM raised_alert WHERE budget_id = :budgetId").param("budgetId", event.budgetId()).update();
    }

    private void touch(UUID budgetId, Collection<TransactionWritten.Entry> entries) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            // the ledger promises a transaction; without one there is nothing to be part of
            log.warn("A write to budget {} outside a transaction: no alerts checked", budgetId);
            return;
        }
        // a resource of the transaction, not a search through its synchronizations: an import registers one of those
        // per outbox event, and looking through them for every row made a 100,000-row import quadratic
        var touched = (Touched) TransactionSynchronizationManager.getResource(TOUCHED);
        if (touched == null) {
            touched = new Touched();
            TransactionSynchronizationManager.bindResource(TOUCHED, touched);
            TransactionSynchronizationManager.registerSynchronization(touched);
        }
        for (var entry : entries) {
            touched.add(budgetId, YearMonth.from(entry.occurredOn()),
                    entry.type() == TransactionType.EXPENSE ? entry.categoryId() : null);
        }
    }

    /** The months and expense categories one transaction touched, checked once just before it commits. */
    private final class Touched implements TransactionSynchronization {

        private final Map<UUID, Map<YearMonth, Set<UUID>>> byBudget = new TreeMap<>();

        void add(UUID budgetId, YearMonth month, @Nullable UUID expenseCategory) {
            var categories = byBudget.computeIfAbsent(budgetId, b -> new TreeMap<>()).computeIfAbsent(month, m -> new LinkedHashSet<>());
            if (expenseCategory != null) {
                categories.add(expenseCategory);
            }
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            byBudget.forEach((budgetId, months) -> check(budgetId, months));
        }

        /** A transaction started inside this one (REQUIRES_NEW) notes its own writes, and checks them before it commits. */
        @Override
        public void suspend() {
            TransactionSynchronizationManager.unbindResource(TOUCHED);
        }

        @Override
        public void resume() {
            TransactionSynchronizationManager.bindResource(TOUCHED, this);
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(TOUCHED);
        }
    }

    private void check(UUID budgetId, Map<YearMonth, Set<UUID>> months) {
        var currency = memberships.currencyOf(budgetId);
        if (currency.isEmpty()) {
            // BudgetCreated has not arrived yet: no row is inserted, so the next write in the month checks again
            log.info("Budget {} has no currency here yet: alerts wait for its next write", budgetId);
            return;
        }
        var alerts = new ArrayList<BudgetAlert>();
        months.forEach((month, categories) -> {
            if (!categories.isEmpty()) {
                alerts.addAll(categoriesOverLimit(budgetId, month, categories, currency.get()));
            }
            var balance = balance(budgetId, month);
            if (balance.signum() < 0) {
                alerts.add(new BudgetAlert.BalanceBelowZero(budgetId, month, balance, currency.get()));
            }
        });
        for (var alert : alerts) {
            if (firstInMonth(alert)) {
                events.publishEvent(alert);
            }
        }
    }

    private List<BudgetAlert.CategoryOverLimit> categoriesOverLimit(UUID budgetId, YearMonth month, Set<UUID> categories, String currency) {
        return jdbc.sql("""
                        SELECT c.id, c.name, c.monthly_limit, coalesce(sum(r.total), 0) AS spent
                        FROM category c
                        LEFT JOIN monthly_rollup r
                            ON r.budget_id = c.budget_id AND r.month = :month AND r.category_id = c.id AND r.type = 'EXPENSE'
                        WHERE c.budget_id = :budgetId AND c.id IN (:categories) AND c.monthly_limit IS NOT NULL
                        GROUP BY c.id, c.name, c.monthly_limit
                        HAVING coalesce(sum(r.total), 0) > c.monthly_limit
                        ORDER BY c.name
                        """)
                .param("budgetId", budgetId).param("month", month.atDay(1)).param("categories", categories)
                .query((rs, row) -> new BudgetAlert.CategoryOverLimit(budgetId, month, rs.getObject("id", UUID.class),
                        rs.getString("name"), rs.getBigDecimal("spent"), rs.getBigDecimal("monthly_limit"), currency))
                .list();
    }

    /**
     * The budget's balance at the end of the month, as the summary shows it: all income minus all expense up to then.
     * Not the month's own net, which dips below zero in most households between rent and payday.
     */
    private BigDecimal balance(UUID budgetId, YearMonth month) {
        return jdbc.sql("""
                        SELECT coalesce(sum(CASE WHEN type = 'INCOME' THEN total ELSE -total END), 0)
                        FROM monthly_rollup WHERE budget_id = :budgetId AND month <= :month
                        """)
                .param("budgetId", budgetId).param("month", month.atDay(1))
                .query(BigDecimal.class).single();
    }

    /** Whether this is the alert's first time in its month: the row goes in, or another transaction's already did. */
    private boolean firstInMonth(BudgetAlert alert) {
        var categoryId = alert instanceof BudgetAlert.CategoryOverLimit over ? over.categoryId() : null;
        return jdbc.sql("""
                        INSERT INTO raised_alert (budget_id, kind, month, category_id, raised_at)
                        VALUES (:budgetId, :kind, :month, :categoryId, :raisedAt)
                        ON CONFLICT ON CONSTRAINT raised_alert_key DO NOTHING
                        """)
                .param("budgetId", alert.budgetId()).param("kind", alert.kind()).param("month", alert.month().atDay(1))
                .param("categoryId", categoryId).param("raisedAt", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .update() == 1;
    }
}
