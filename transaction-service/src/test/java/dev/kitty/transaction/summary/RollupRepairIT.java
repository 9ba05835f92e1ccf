package dev.kitty.transaction.summary;

import static dev.kitty.transaction.ledger.TransactionType.EXPENSE;
import static dev.kitty.transaction.ledger.TransactionType.INCOME;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kitty.budget.events.BudgetDeleted;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The repair job, the budget's deletion, and concurrent writers in one month. */
class RollupRepairIT extends SummaryTestSupport {

    @Autowired
    RollupRepair repair;

    @Autowired
    Rollups rollups;

    @Autowired
    MeterRegistry meters;

    final UUID ann = UUID.randomUUID();

    @Test
    void findsNothingToRepairWhenTheRollupsWereKeptByTheWrites() {
        var budget = ledger.budget("EUR", ann, "OWNER");
        var tx = ledger.record(budget, EXPENSE, "12.34", LocalDate.of(2026, 1, 9), null, ann);
        ledger.record(budget, INCOME, "50.00", LocalDate.of(2026, 2, 9), null, null);
        ledger.edit(tx, INCOME, "1.00", LocalDate.of(2026, 2, 1), null);

        assertThat(repair.repair(budget)).isEmpty();
    }

    @Test
    void reportsEveryDifferenceCountsItAndFixesIt() {
        var budget = ledger.budget("EUR", ann, "OWNER");
        var food = ledger.category(budget, "Food", EXPENSE, null);
        ledger.record(budget, EXPENSE, "10.00", LocalDate.of(2026, 1, 9), food, ann);
        ledger.record(budget, EXPENSE, "2.50", LocalDate.of(2026, 1, 10), food, ann);
        ledger.record(budget, INCOME, "100.00", LocalDate.of(2026, 3, 1), null, ann);
        // behind the application's back: a changed total, a lost row, a row of nothing
        jdbc.sql("UPDATE monthly_rollup SET total = total + 1 WHERE budget_id = :b AND type = 'EXPENSE'").param("b", budget).update();
        jdbc.sql("DELETE FROM monthly_rollup WHERE budget_id = :b AND type = 'INCOME'").param("b", budget).update();
        jdbc.sql("INSERT INTO monthly_rollup VALUES (:b, '2026-05-01', NULL, NULL, 'EXPENSE', 7, 1)").param("b", budget).update();
        var before = meters.counter("kitty.summary.rollup.differences").count();

        var found = repair.repair(budget);

        assertThat(found).extracting(RollupRepair.Difference::month, RollupRepair.Difference::type,
                        d -> d.storedTotal().stripTrailingZeros().toPlainString(), RollupRepair.Difference::storedCount,
                        d -> d.ledgerTotal().stripTrailingZeros().toPlainString(), RollupRepair.Difference::ledgerCount)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(LocalDate.of(2026, 1, 1), EXPENSE, "13.5", 2L, "12.5", 2L),
                        org.assertj.core.groups.Tuple.tuple(LocalDate.of(2026, 3, 1), INCOME, "0", 0L, "100", 1L),
                        org.assertj.core.groups.Tuple.tuple(LocalDate.of(2026, 5, 1), EXPENSE, "7", 1L, "0", 0L));
        assertThat(meters.counter("kitty.summary.rollup.differences").count() - before).isEqualTo(3);
        assertThat(repair.repair(budget)).as("fixed").isEmpty();
        assertThat(repair.repairAll()).as("the other tests' budgets share the database: none of this one's").noneMatch(d -> d.budgetId().equals(budget));
    }

    @Test
    void loseNoUpdateWhenManyWritersAddToOneMonthAtOnce() throws Exception {
        var budget = ledger.budget("EUR", ann, "OWNER");
        var start = new CountDownLatch(1);
        try (var pool = Executors.newFixedThreadPool(8)) {
            var writes = IntStream.range(0, 40).mapToObj(i -> CompletableFuture.runAsync(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                var tx = ledger.record(budget, EXPENSE, "1.01", LocalDate.of(2026, 8, 1 + i % 28), null, ann);
                if (i % 4 == 0) {
                    ledger.edit(tx, EXPENSE, "2.02", LocalDate.of(2026, 8, 2), null);
                }
            }, pool)).toList();
            start.countDown();
            CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).join();
        }

        var row = jdbc.sql("SELECT total, tx_count FROM monthly_rollup WHERE budget_id = :b").param("b", budget)
                .query((rs, n) -> List.of(rs.getBigDecimal(1), rs.getLong(2))).single();
        assertThat((BigDecimal) row.get(0)).isEqualByComparingTo("50.50"); // 30 × 1.01 + 10 × 2.02
        assertThat(row.get(1)).isEqualTo(40L);
        assertThat(repair.repair(budget)).isEmpty();
    }

    @Test
    void forgetsTheRollupsOfADeletedBudget() {
        var budget = ledger.budget("EUR", ann, "OWNER");
        var other = ledger.budget("EUR", ann, "OWNER");
        var tx = ledger.record(budget, EXPENSE, "1.00", LocalDate.of(2026, 1, 1), null, ann);
        ledger.record(budget, INCOME, "2.00", LocalDate.of(2026, 1, 1), null, ann);
        ledger.record(other, EXPENSE, "1.00", LocalDate.of(2026, 1, 1), null, ann);

        rollups.on(new BudgetDeleted(budget, "Trip", ann, List.of(ann), Instant.now()));
        // the ledger's part, in whatever way and order it takes: a delete with its event after the rollups went leaves no row behind
        ledger.delete(tx);
        jdbc.sql("DELETE FROM ledger_transaction WHERE budget_id = :b").param("b", budget).update();

        assertThat(jdbc.sql("SELECT count(*) FROM monthly_rollup WHERE budget_id = :b").param("b", budget).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM monthly_rollup WHERE budget_id = :b").param("b", other).query(Long.class).single()).isOne();
    }
}
