package dev.kitty.transaction.summary;

import dev.kitty.budget.events.BudgetDeleted;
import dev.kitty.platform.messaging.IntegrationEventListener;
import dev.kitty.transaction.category.CategoryDeleted;
import dev.kitty.transaction.ledger.TransactionWritten;
import dev.kitty.transaction.ledger.TransactionsRecorded;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code monthly_rollup} equal to the ledger, inside the writing database transaction (ADR 15).
 *
 * <p>Each change is a single-statement upsert adding a delta ({@code total + x, tx_count + 1}), so two writers
 * in one budget and month cannot lose an update: the second waits on the row the first locked and adds to its
 * result. A row whose count reaches zero goes (below zero too: a removal that found no row, say after the budget's
 * rollups were deleted, leaves nothing behind). The rows a write changes are locked in one order ({@link RollupKey#LOCK_ORDER}), and an edit that
 * stays in its row is one delta, so concurrent edits do not deadlock.
 * Every change also takes the budget's shared advisory lock, so that the {@link RollupRepair repair} (which
 * takes it exclusively) never overwrites a delta it did not see.
 */
@Component
class Rollups {

    private static final String UPSERT = """
            INSERT INTO monthly_rollup (budget_id, month, category_id, member_id, type, total, tx_count)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT ON CONSTRAINT monthly_rollup_key DO UPDATE
                SET total = monthly_rollup.total + excluded.total, tx_count = monthly_rollup.tx_count + excluded.tx_count
            """;

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;

    Rollups(JdbcClient jdbc, JdbcTemplate batches) {
        this.jdbc = jdbc;
        this.batches = batches;
    }

    @EventListener
    void on(TransactionWritten event) {
        var deltas = new TreeMap<RollupKey, Delta>(RollupKey.LOCK_ORDER);
        if (event.before() != null) {
            var before = event.before();
            deltas.merge(new RollupKey(event.budgetId(), before.occurredOn(), before.categoryId(), before.memberId(), before.type()),
                    new Delta(before.amount().negate(), -1), Delta::plus);
        }
        if (event.after() != null) {
            var after = event.after();
            deltas.merge(new RollupKey(event.budgetId(), after.occurredOn(), after.categoryId(), after.memberId(), after.type()),
                    new Delta(after.amount(), 1), Delta::plus);
        }
        deltas.values().removeIf(Delta::isZero);
        if (deltas.isEmpty()) {
            return;
        }
        lockShared(event.budgetId());
        deltas.forEach(this::add);
    }

    /**
     * A batch of new transactions (a CSV import): their deltas summed per rollup row first, so that a file of 100,000 lines
     * over a few years and categories is a few hundred upserts, sent as one JDBC batch in lock order.
     */
    @EventListener
    void on(TransactionsRecorded event) {
        var deltas = new TreeMap<RollupKey, Delta>(RollupKey.LOCK_ORDER);
        for (var entry : event.entries()) {
            deltas.merge(new RollupKey(event.budgetId(), entry.occurredOn(), entry.categoryId(), entry.memberId(), entry.type()),
                    new Delta(entry.amount(), 1), Delta::plus);
        }
        if (deltas.isEmpty()) {
            return;
        }
        lockShared(event.budgetId());
        var rows = new ArrayList<>(deltas.entrySet());
        batches.batchUpdate(UPSERT, new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement statement, int i) throws SQLException {
                var key = rows.get(i).getKey();
                var delta = rows.get(i).getValue();
                statement.setObject(1, key.budgetId());
                statement.setObject(2, key.month());
                statement.setObject(3, key.categoryId());
                statement.setObject(4, key.memberId());
                statement.setString(5, key.type().name());
                statement.setBigDecimal(6, delta.total());
                statement.setLong(7, delta.count());
            }

            @Override
            public int getBatchSize() {
                return rows.size();
            }
        });
    }

    /** The category's totals move to "uncategorised", as its transactions do when the row goes. */
    @EventListener
    void on(CategoryDeleted event) {
        lockShared(event.budgetId());
        jdbc.sql("""
                WITH moved AS (
                    DELETE FROM monthly_rollup WHERE budget_id = :budgetId AND category_id = :categoryId
                    RETURNING month, member_id, type, total, tx_count)
                INSERT INTO monthly_rollup (budget_id, month, category_id, member_id, type, total, tx_count)
                SELECT :budgetId, month, NULL, member_id, type, total, tx_count FROM moved
                ORDER BY month, member_id, type
                ON CONFLICT ON CONSTRAINT monthly_rollup_key DO UPDATE
                    SET total = monthly_rollup.total + excluded.total, tx_count = monthly_rollup.tx_count + excluded.tx_count
                """)
                .param("budgetId", event.budgetId()).param("categoryId", event.categoryId())
                .update();
    }

    @IntegrationEventListener(id = "transaction.summary.budget-deleted")
    void on(BudgetDeleted event) {
        jdbc.sql("DELETE FROM monthly_rollup WHERE budget_id = :budgetId").param("budgetId", event.budgetId()).update();
    }

    private void add(RollupKey key, Delta delta) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("budgetId", key.budgetId());
        params.put("month", key.month());
        params.put("categoryId", key.categoryId());
        params.put("memberId", key.memberId());
        params.put("type", key.type().name());
        params.put("total", delta.total());
        params.put("count", delta.count());
        jdbc.sql(UPSERT).params(key.budgetId(), key.month(), key.categoryId(), key.memberId(), key.type().name(), delta.total(),
                delta.count()).update();
        if (delta.count() < 0) {
            jdbc.sql("""
                    DELETE FROM monthly_rollup
                    WHERE budget_id = :budgetId AND month = :month AND category_id IS NOT DISTINCT FROM :categoryId
                      AND member_id IS NOT DISTINCT FROM :memberId AND type = :type AND tx_count <= 0
                    """)
                    .params(params)
                    .update();
        }
    }

    private void lockShared(UUID budgetId) {
        jdbc.sql("SELECT pg_advisory_xact_lock_shared(" + RollupRepair.BUDGET_LOCK + ")").param("budgetId", budgetId).query().singleRow();
    }

    record Delta(BigDecimal total, long count) {

        Delta plus(Delta other) {
            return new Delta(total.add(other.total), count + other.count);
        }

        boolean isZero() {
            return total.signum() == 0 && count == 0;
        }
    }
}
