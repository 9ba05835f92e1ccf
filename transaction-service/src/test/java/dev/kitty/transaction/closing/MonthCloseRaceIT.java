package dev.kitty.transaction.closing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kitty.platform.test.MutableClock;
import dev.kitty.platform.test.TopicRecords;
import dev.kitty.transaction.category.Categories;
import dev.kitty.transaction.goal.GoalSavings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two schedulers (two {@link MonthClose}s with clocks of their own, as two instances of the service would have) close
 * the same 50 budgets' due months at the same time over the same database: every month closes once, and once only is
 * MonthClosed published.
 */
class MonthCloseRaceIT extends ClosingTestSupport {

    private static final int BUDGETS = 50;

    @Autowired
    MonthCloseRepository repository;

    @Autowired
    TransactionTemplate transactionTemplate;

    @Autowired
    GoalSavings goals;

    @Autowired
    Categories categories;

    @Autowired
    ApplicationEventPublisher publisher;

    @Test
    void twoInstancesRacingCloseEveryMonthExactlyOnce() throws Exception {
        var budgets = new ArrayList<UUID>();
        var goalsOf = new java.util.HashMap<UUID, UUID>();
        for (int i = 0; i < BUDGETS; i++) {
            var team = teamIn("UTC", "2009-01-05T00:00:00Z");
            goalsOf.put(team.budget(), goal(team.budget(), "Rainy day", "10000", 1));
            income(team, "100", "2009-01-10");
            income(team, "200", "2009-02-10");
            expense(team, "50", "2009-02-11");
            budgets.add(team.budget());
        }
        var due = Instant.parse("2009-03-02T00:00:00Z");
        clock.set(due);
        var secondClock = new MutableClock(due);
        var second = new MonthClose(repository, transactionTemplate, goals, categories, publisher, secondClock);

        var barrier = new CyclicBarrier(2);
        List<MonthClose.Closed> first;
        List<MonthClose.Closed> other;
        try (var executor = Executors.newFixedThreadPool(2)) {
            var a = executor.submit(() -> {
                barrier.await();
                return monthClose.closeDueMonths();
            });
            var b = executor.submit(() -> {
                barrier.await();
                return second.closeDueMonths();
            });
            first = a.get();
            other = b.get();
        }

        var mine = Set.copyOf(budgets);
        var all = new ArrayList<MonthClose.Closed>();
        all.addAll(first);
        all.addAll(other);
        var ours = all.stream().filter(c -> mine.contains(c.budgetId())).toList();
        assertThat(ours).hasSize(2 * BUDGETS).doesNotHaveDuplicates();
        for (var budget : budgets) {
            var months = closedMonths(budget);
            assertThat(months).hasSize(2);
            assertThat(months.get(0).accounted()).isEqualByComparingTo("100");
            assertThat(months.get(1).accounted()).isEqualByComparingTo("150");
            assertThat(saved(goalsOf.get(budget))).as("swept once: 100 + 150").isEqualByComparingTo("250");
        }

        var keys = budgets.stream().map(UUID::toString).collect(Collectors.toSet());
        var seen = new HashSet<String>();
        var read = TopicRecords.await(broker.bootstrapServers(), "transaction.events", record -> {
            if (keys.contains(record.key()) && record.value().contains("kitty.budget.month-closed.v1")) {
                seen.add(record.key() + json.readTree(record.value()).get("data").get("month").asString());
            }
            return seen.size() == 2 * BUDGETS;
        }, Duration.ofSeconds(60));
        var published = read.stream().filter(r -> keys.contains(r.key()) && r.value().contains("kitty.budget.month-closed.v1")).count();
        assertThat(published).as("one MonthClosed per budget and month").isEqualTo(2L * BUDGETS);
    }
}
