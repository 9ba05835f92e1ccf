package dev.kitty.transaction.summary;

import dev.kitty.transaction.ledger.TransactionType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rebuilds a budget's rollups from {@code ledger_transaction} in SQL, compares them with the stored ones, reports
 * every difference (a warning in the log, the counter {@code kitty.summary.rollup.differences}, the return value)
 * and stores the rebuilt rows. The rollups are kept in the writing transaction, so a difference means a bug or a
 * change behind the application's back (a manual fix in the database); none is expected.
 *
 * <p>One budget is repaired in one database transaction holding the budget's advisory lock exclusively; every
 * rollup change takes it shared ({@link Rollups}), so a write either finished before the rebuild read the ledger
 * or applies its delta to the rebuilt rows afterwards. Scheduled nightly ({@code kitty.summary.repair-cron},
 * UTC; "-" turns it off); each budget is its own transaction, so writers wait for one budget's rebuild at most.
 */
@Component
public class RollupRepair {

    /** The advisory lock of a budget's rollups, as an SQL expression of {@code :budgetId}. */
    static final String BUDGET_LOCK = "hashtextextended('monthly_rollup:' || CAST(:budgetId AS text), 0)";

    private static final Logger log = LoggerFactory.getLogger(RollupRepair.class);

    private static final String NO_ID = "'00000000-0000-0000-0000-000000000000'::uuid";

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Counter differences;

    RollupRepair(JdbcClient jdbc, TransactionTemplate transactions, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.differences = Counter.builder("kitty.summary.rollup.differences")
                .description("Rollup rows the repair job found different from the ledger (and fixed)")
                .register(meters);
    }

    /** A rollup row that differed from the ledger: what was stored (zero when missing) and what the ledger says (zero when none). */
    public record Difference(UUID budgetId, LocalDate month, @Nullable UUID categoryId, @Nullable UUID memberId, TransactionType type,
            BigDecimal storedTotal, long storedCount, BigDecimal ledgerTotal, long ledgerCount) {
    }

    @Scheduled(cron = "${kitty.summary.repair-cron:0 40 3 * * *}", zone = "UTC")
    void nightly() {
        var found = repairAll();
        log.info("Rollup repair: {} differences found and fixed", found.size());
    }

    /** Every budget that has transactions or rollups, one after the other. */
    public List<Difference> repairAll() {
        var budgets = jdbc.sql("""
                SELECT DISTINCT budget_id FROM ledger_transaction
                UNION SELECT DISTINCT budget_id FROM monthly_rollup
                """)
                .query(UUID.class).list();
        var found = new ArrayList<Difference>();
        budgets.forEach(budget -> found.addAll(repair(budget)));
        return found;
    }

    /** @return the differences found in the budget's rollups, fixed when this returns */
    public List<Difference> repair(UUID budgetId) {
        var found = transactions.execute(status -> {
            jdbc.sql("SELECT pg_advisory_xact_lock(" + BUDGET_LOCK + ")").param("budgetId", budgetId).query().singleRow();
            var diff = jdbc.sql("""
                    WITH ledger AS (
                        SELECT date_trunc('month', occurred_on)::date AS month, category_id, created_by AS member_id, type,
                               sum(amount) AS total, count(*) AS tx_count
                        FROM ledger_transaction WHERE budget_id = :budgetId
                        GROUP BY 1, 2, 3, 4),
                    stored AS (
                        SELECT month, category_id, member_id, type, total, tx_count FROM monthly_rollup WHERE budget_id = :budgetId)
                    SELECT coalesce(l.month, s.month) AS month, coalesce(l.category_id, s.category_id) AS category_id,
                           coalesce(l.member_id, s.member_id) AS member_id, coalesce(l.type, s.type) AS type,
                           coalesce(s.total, 0) AS stored_total, coalesce(s.tx_count, 0) AS stored_count,
                           coalesce(l.total, 0) AS ledger_total, coalesce(l.tx_count, 0) AS ledger_count
                    FROM ledger l FULL JOIN stored s
                      ON l.month = s.month AND l.type = s.type
                     AND coalesce(l.category_id, %1$s) = coalesce(s.category_id, %1$s)
                     AND coalesce(l.member_id, %1$s) = coalesce(s.member_id, %1$s)
                    WHERE s.total IS DISTINCT FROM l.total OR s.tx_count IS DISTINCT FROM l.tx_count
                    ORDER BY 1, 4
                    """.formatted(NO_ID))
                    .param("budgetId", budgetId)
                    .query((rs, row) -> new Difference(budgetId, rs.getObject("month", LocalDate.class),
                            rs.getObject("category_id", UUID.class), rs.getObject("member_id", UUID.class),
                            TransactionType.valueOf(rs.getString("type")),
                            rs.getBigDecimal("stored_total"), rs.getLong("stored_count"),
                            rs.getBigDecimal("ledger_total"), rs.getLong("ledger_count")))
                    .list();
            if (!diff.isEmpty()) {
                jdbc.sql("DELETE FROM monthly_rollup WHERE budget_id = :budgetId").param("budgetId", budgetId).update();
                jdbc.sql("""
                        INSERT INTO monthly_rollup (budget_id, month, category_id, member_id, type, total, tx_count)
                        SELECT budget_id, date_trunc('month', occurred_on)::date, category_id, created_by, type, sum(amount), count(*)
                        FROM ledger_transaction WHERE budget_id = :budgetId
                        GROUP BY 1, 2, 3, 4, 5
                        """)
                        .param("budgetId", budgetId)
                        .update();
            }
            return diff;
        });
        found = found == null ? List.of() : found;
        for (var difference : found) {
            log.warn("Rollup of budget {} differed from the ledger, fixed: {}", budgetId, difference);
        }
        differences.increment(found.size());
        return found;
    }
}
