package dev.kitty.transaction.closing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kitty.platform.test.MutableClock;
import dev.kitty.transaction.RunningTransactionService;
import dev.kitty.transaction.ledger.TransactionType;
import dev.kitty.transaction.ledger.TransactionWritten;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestContextManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * For random months of a budget (income and expenses, edits of transactions in months already closed, members'
 * contributions and withdrawals, goals added and their targets and priorities changed), closed month by month on the
 * real PostgreSQL through the real month close and goals:
 * <ul>
 *   <li>no money is created or lost: the goals' savings sum to contributions − withdrawals + what the closes say they
 *       allocated (each month's SURPLUS and the ADJUSTMENTs settled with it), and that equals the SURPLUS and
 *       ADJUSTMENT entries in the goals' ledgers;</li>
 *   <li>no goal is ever below zero, and no close sweeps a goal above its target;</li>
 *   <li>after the last close, every closed month is settled against its surplus as it stands now; and when the goals
 *       can take everything and nobody withdraws, each month's SURPLUS and ADJUSTMENT entries add up to exactly that
 *       surplus.</li>
 * </ul>
 * Transactions are written as the ledger writes them (a {@link TransactionWritten} in the writing transaction, which
 * keeps the rollups the close reads); goal entries of members as the goals' ledger stores them. jqwik runs outside
 * Spring's JUnit extension, so the class borrows the shared test context.
 */
class SweepPropertiesIT extends RunningTransactionService {

    static final YearMonth FIRST = YearMonth.of(1990, 1);

    sealed interface Step permits Record, EditClosed, Contribute, Withdraw, AddGoal, ChangeGoal, Close {}

    record Record(TransactionType type, BigDecimal amount, int day) implements Step {}

    /** Changes the amount of an earlier transaction (in a closed month once one has closed). */
    record EditClosed(int which, BigDecimal amount) implements Step {}

    record Contribute(int goal, BigDecimal amount) implements Step {}

    record Withdraw(int goal, BigDecimal amount) implements Step {}

    record AddGoal(BigDecimal target, int priority) implements Step {}

    record ChangeGoal(int goal, BigDecimal target, int priority) implements Step {}

    /** The month ends: the clock moves to the next month's first instant and the close runs. */
    record Close() implements Step {}

    record Tx(UUID id, TransactionType type, BigDecimal amount, LocalDate on) {}

    static ApplicationContext context;

    @BeforeContainer
    static void borrowTheSharedContext() throws Exception {
        context = new TestContextManager(SweepPropertiesIT.class).getTestContext().getApplicationContext();
    }

    @Property(tries = 30)
    void theSweepNeitherCreatesNorLosesMoneyAndRespectsZeroAndTargets(@ForAll("histories") List<Step> history) {
        run(history, false);
    }

    /** Goals that can take everything and no withdrawals: each month's entries add up to its surplus as it stands now. */
    @Property(tries = 15)
    void withRoomInTheGoalsEveryMonthsSurplusEndsUpInThemExactly(@ForAll("histories") List<Step> history) {
        run(history, true);
    }

    private void run(List<Step> history, boolean roomy) {
        var jdbc = context.getBean(JdbcClient.class);
        var clock = context.getBean(MutableClock.class);
        var monthClose = context.getBean(MonthClose.class);
        var transactions = context.getBean(TransactionTemplate.class);
        ApplicationEventPublisher events = context;
        var budget = UUID.randomUUID();
        jdbc.sql("INSERT INTO budget_ref (budget_id, currency, created_at, time_zone) VALUES (:b, 'EUR', :at, 'UTC')")
                .param("b", budget).param("at", FIRST.atDay(1).atStartOfDay().atOffset(ZoneOffset.UTC)).update();
        var goals = new ArrayList<UUID>();
        var targets = new HashMap<UUID, BigDecimal>();
        var txs = new ArrayList<Tx>();
        var memberMoney = BigDecimal.ZERO;
        var month = FIRST;
        clock.set(FIRST.atDay(2).atStartOfDay().toInstant(ZoneOffset.UTC));
        try {
            var room = new BigDecimal("1000000000");
            goals.add(addGoal(jdbc, budget, roomy ? room : new BigDecimal("500"), 1, targets));
            for (var step : history) {
                switch (step) {
                    case Record r -> {
                        var tx = new Tx(UUID.randomUUID(), r.type(), r.amount(), month.atDay(Math.min(r.day(), month.lengthOfMonth())));
                        write(transactions, events, budget, null, tx);
                        txs.add(tx);
                    }
                    case EditClosed e when !txs.isEmpty() -> {
                        var i = e.which() % txs.size();
                        var before = txs.get(i);
                        var after = new Tx(before.id(), before.type(), e.amount(), before.on());
                        write(transactions, events, budget, before, after);
                        txs.set(i, after);
                    }
                    case Contribute c -> {
                        entry(jdbc, budget, goals.get(c.goal() % goals.size()), c.amount(), "CONTRIBUTION");
                        memberMoney = memberMoney.add(c.amount());
                    }
                    case Withdraw w when !roomy -> {
                        var goal = goals.get(w.goal() % goals.size());
                        var amount = w.amount().min(saved(jdbc, goal));
                        if (amount.signum() > 0) {
                            entry(jdbc, budget, goal, amount.negate(), "WITHDRAWAL");
                            memberMoney = memberMoney.subtract(amount);
                        }
                    }
                    case AddGoal a when goals.size() < 4 -> goals.add(addGoal(jdbc, budget, roomy ? room : a.target(), a.priority(), targets));
                    case ChangeGoal g -> {
                        var goal = goals.get(g.goal() % goals.size());
                        var target = roomy ? room : g.target();
                        jdbc.sql("UPDATE goal SET target_amount = :t, priority = :p WHERE id = :g")
                                .param("t", target).param("p", g.priority()).param("g", goal).update();
                        targets.put(goal, target);
                    }
                    case Close c -> {
                        month = month.plusMonths(1);
                        close(jdbc, clock, monthClose, budget, month, goals, targets, memberMoney);
                    }
                    default -> { }
                }
            }
            // one more close settles every change made since the last one
            month = month.plusMonths(1);
            close(jdbc, clock, monthClose, budget, month, goals, targets, memberMoney);
            var unsettled = jdbc.sql("""
                    SELECT count(*) FROM closed_month c
                    WHERE c.budget_id = :b AND c.accounted_surplus <> greatest((SELECT coalesce(sum(CASE r.type WHEN 'INCOME' THEN r.total ELSE -r.total END), 0)
                        FROM monthly_rollup r WHERE r.budget_id = :b AND r.month = c.month), 0)
                    """).param("b", budget).query(Long.class).single();
            assertThat(unsettled).as("every closed month settled against its current surplus").isZero();
            if (roomy) {
                var differing = jdbc.sql("""
                        SELECT count(*) FROM closed_month c
                        WHERE c.budget_id = :b AND (SELECT coalesce(sum(e.amount), 0) FROM goal_entry e
                                WHERE e.budget_id = :b AND e.month = c.month AND e.kind IN ('SURPLUS', 'ADJUSTMENT'))
                            <> greatest((SELECT coalesce(sum(CASE r.type WHEN 'INCOME' THEN r.total ELSE -r.total END), 0)
                                FROM monthly_rollup r WHERE r.budget_id = :b AND r.month = c.month), 0)
                        """).param("b", budget).query(Long.class).single();
                assertThat(differing).as("each month's entries = its surplus now").isZero();
            }
        } finally {
            jdbc.sql("DELETE FROM month_close_cursor WHERE budget_id = :b").param("b", budget).update();
            jdbc.sql("DELETE FROM budget_ref WHERE budget_id = :b").param("b", budget).update();
        }
    }

    private static void close(JdbcClient jdbc, MutableClock clock, MonthClose monthClose, UUID budget, YearMonth begun,
            List<UUID> goals, Map<UUID, BigDecimal> targets, BigDecimal memberMoney) {
        var before = new HashMap<UUID, BigDecimal>();
        goals.forEach(goal -> before.put(goal, saved(jdbc, goal)));
        clock.set(begun.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC));
        var closed = monthClose.closeDueMonths(Set.of(budget));
        assertThat(closed).as("the month that ended closes, once").extracting(MonthClose.Closed::month).containsExactly(begun.minusMonths(1));

        var total = BigDecimal.ZERO;
        for (var goal : goals) {
            var saved = saved(jdbc, goal);
            assertThat(saved.signum()).as("a goal is never below zero").isGreaterThanOrEqualTo(0);
            if (saved.compareTo(before.get(goal)) > 0) {
                assertThat(saved).as("a close sweeps no goal above its target").isLessThanOrEqualTo(targets.get(goal).max(before.get(goal)));
            }
            total = total.add(saved);
        }
        var allocated = jdbc.sql("SELECT coalesce(sum(allocated_to_goals), 0) FROM closed_month WHERE budget_id = :b")
                .param("b", budget).query(BigDecimal.class).single();
        var swept = jdbc.sql("SELECT coalesce(sum(amount), 0) FROM goal_entry WHERE budget_id = :b AND kind IN ('SURPLUS', 'ADJUSTMENT')")
                .param("b", budget).query(BigDecimal.class).single();
        assertThat(swept).as("the goals' ledgers hold what the closes allocated").isEqualByComparingTo(allocated);
        assertThat(total).as("savings = contributions − withdrawals + swept surplus + adjustments").isEqualByComparingTo(memberMoney.add(allocated));
    }

    private static void write(TransactionTemplate transactions, ApplicationEventPublisher events, UUID budget, Tx before, Tx after) {
        transactions.executeWithoutResult(status -> events.publishEvent(new TransactionWritten(budget, entry(before), entry(after))));
    }

    private static TransactionWritten.Entry entry(Tx tx) {
        return tx == null ? null : new TransactionWritten.Entry(tx.id(), tx.type(), tx.amount(), tx.on(), null, null);
    }

    private static UUID addGoal(JdbcClient jdbc, UUID budget, BigDecimal target, int priority, Map<UUID, BigDecimal> targets) {
        var id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO goal (id, budget_id, name, currency, target_amount, priority, created_at, updated_at)
                VALUES (:id, :b, :name, 'EUR', :target, :priority, clock_timestamp(), clock_timestamp())
                """)
                .param("id", id).param("b", budget).param("name", "Goal " + id).param("target", target).param("priority", priority)
                .update();
        targets.put(id, target);
        return id;
    }

    private static void entry(JdbcClient jdbc, UUID budget, UUID goal, BigDecimal amount, String kind) {
        jdbc.sql("INSERT INTO goal_entry (id, goal_id, budget_id, amount, kind, created_at) VALUES (:id, :g, :b, :a, :k, :at)")
                .param("id", UUID.randomUUID()).param("g", goal).param("b", budget).param("a", amount).param("k", kind)
                .param("at", Instant.now().atOffset(ZoneOffset.UTC))
                .update();
    }

    private static BigDecimal saved(JdbcClient jdbc, UUID goal) {
        return jdbc.sql("SELECT coalesce(sum(amount), 0) FROM goal_entry WHERE goal_id = :g").param("g", goal).query(BigDecimal.class).single();
    }

    @Provide
    Arbitrary<List<Step>> histories() {
        var amount = Arbitraries.longs().between(1, 300_000).map(cents -> BigDecimal.valueOf(cents, 2));
        var type = Arbitraries.of(TransactionType.class);
        var index = Arbitraries.integers().between(0, 100);
        var priority = Arbitraries.integers().between(1, 3);
        Arbitrary<Step> record = Combinators.combine(type, amount, Arbitraries.integers().between(1, 31)).as(Record::new);
        Arbitrary<Step> edit = Combinators.combine(index, amount).as(EditClosed::new);
        Arbitrary<Step> contribute = Combinators.combine(index, amount).as(Contribute::new);
        Arbitrary<Step> withdraw = Combinators.combine(index, amount).as(Withdraw::new);
        Arbitrary<Step> addGoal = Combinators.combine(amount, priority).as(AddGoal::new);
        Arbitrary<Step> changeGoal = Combinators.combine(index, amount, priority).as(ChangeGoal::new);
        Arbitrary<Step> close = Arbitraries.just(new Close());
        return Arbitraries.frequencyOf(Tuple.of(10, record), Tuple.of(4, edit), Tuple.of(3, contribute), Tuple.of(3, withdraw),
                        Tuple.of(1, addGoal), Tuple.of(2, changeGoal), Tuple.of(5, close))
                .list().ofMinSize(1).ofMaxSize(40);
    }
}
