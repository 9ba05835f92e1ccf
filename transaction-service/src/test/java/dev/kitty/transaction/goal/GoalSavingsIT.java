package dev.kitty.transaction.goal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kitty.transaction.RunningTransactionService;
import dev.kitty.transaction.goal.GoalSavings.Allocation;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** {@link GoalSavings}, the month close's way into the goals: the sweep's and the take-back's rules on the real database. */
class GoalSavingsIT extends RunningTransactionService {

    private static final YearMonth MARCH = YearMonth.of(2026, 3);

    @Autowired
    GoalSavings savings;

    @Test
    void sweepsInPriorityOrderEachUpToWhatItNeedsAndTheRestPassesOn() {
        var team = team();
        var car = goal(team.budget(), "Car", "500", 2);
        var holiday = goal(team.budget(), "Holiday", "300", 1);
        var roof = goal(team.budget(), "Roof", "1000", 3);
        entry(car, team.budget(), "200", EntryKind.CONTRIBUTION);

        var allocations = savings.sweep(team.budget(), MARCH, new BigDecimal("700"), EntryKind.SURPLUS);

        assertThat(allocations).extracting(Allocation::goalId, Allocation::name, a -> a.amount().stripTrailingZeros().toPlainString(), Allocation::kind)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(holiday, "Holiday", "300", EntryKind.SURPLUS),
                        org.assertj.core.groups.Tuple.tuple(car, "Car", "300", EntryKind.SURPLUS),
                        org.assertj.core.groups.Tuple.tuple(roof, "Roof", "100", EntryKind.SURPLUS));
        assertThat(saved(holiday)).isEqualByComparingTo("300");
        assertThat(saved(car)).isEqualByComparingTo("500");
        assertThat(saved(roof)).isEqualByComparingTo("100");
        assertThat(jdbc.sql("SELECT count(*) FROM goal_entry WHERE budget_id = :b AND kind = 'SURPLUS' AND month = :m")
                .param("b", team.budget()).param("m", MARCH.atDay(1)).query(Long.class).single()).isEqualTo(3);
    }

    @Test
    void whatNoGoalNeedsStaysUnallocatedAndReachedGoalsGetNothing() {
        var team = team();
        var full = goal(team.budget(), "Full", "100", 1);
        entry(full, team.budget(), "150", EntryKind.CONTRIBUTION);
        var small = goal(team.budget(), "Small", "40", 2);

        var allocations = savings.sweep(team.budget(), MARCH, new BigDecimal("1000"), EntryKind.ADJUSTMENT);

        assertThat(allocations).singleElement().satisfies(a -> {
            assertThat(a.goalId()).isEqualTo(small);
            assertThat(a.amount()).isEqualByComparingTo("40");
            assertThat(a.kind()).isEqualTo(EntryKind.ADJUSTMENT);
        });
        assertThat(saved(full)).isEqualByComparingTo("150");
        assertThat(saved(small)).isEqualByComparingTo("40");
        assertThat(savings.sweep(team.budget(), MARCH, new BigDecimal("10"), EntryKind.SURPLUS)).isEmpty();
    }

    @Test
    void tiesInPriorityGoToTheOlderGoalThenTheId() {
        var team = team();
        var younger = goal(team.budget(), "Younger", "100", 1, clock.instant().plusSeconds(60));
        var older = goal(team.budget(), "Older", "100", 1, clock.instant());

        var allocations = savings.sweep(team.budget(), MARCH, new BigDecimal("150"), EntryKind.SURPLUS);

        assertThat(allocations).extracting(Allocation::goalId).containsExactly(older, younger);
        assertThat(saved(older)).isEqualByComparingTo("100");
        assertThat(saved(younger)).isEqualByComparingTo("50");
    }

    @Test
    void aBudgetWithoutGoalsOrAZeroSurplusAllocatesNothing() {
        var team = team();
        assertThat(savings.sweep(team.budget(), MARCH, new BigDecimal("100"), EntryKind.SURPLUS)).isEmpty();
        goal(team.budget(), "Car", "100", 1);
        assertThat(savings.sweep(team.budget(), MARCH, BigDecimal.ZERO, EntryKind.SURPLUS)).isEmpty();
        assertThat(savings.takeBack(team.budget(), MARCH, BigDecimal.ZERO)).isEmpty();
        assertThat(savings.takeBack(team.budget(), MARCH, BigDecimal.TEN)).isEmpty();
        assertThat(rows("goal_entry", team.budget())).isZero();
    }

    @Test
    void refusesWhatOnlyABuggyCallerWouldAsk() {
        var team = team();
        goal(team.budget(), "Car", "100", 1);
        assertThatThrownBy(() -> savings.sweep(team.budget(), MARCH, new BigDecimal("-1"), EntryKind.SURPLUS))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> savings.sweep(team.budget(), MARCH, BigDecimal.ONE, EntryKind.CONTRIBUTION))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> savings.takeBack(team.budget(), MARCH, new BigDecimal("-1"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> savings.sweep(team.budget(), MARCH, new BigDecimal("0.00001"), EntryKind.SURPLUS))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(rows("goal_entry", team.budget())).isZero();
    }

    @Test
    void takeBackReturnsSweptMoneyLowestPriorityFirstNeverBelowZeroNorMembersOwnMoney() {
        var team = team();
        var first = goal(team.budget(), "First", "100", 1);
        var second = goal(team.budget(), "Second", "100", 2);
        var third = goal(team.budget(), "Third", "100", 3);
        savings.sweep(team.budget(), MARCH, new BigDecimal("250"), EntryKind.SURPLUS);
        entry(third, team.budget(), "30", EntryKind.CONTRIBUTION);
        // a member took 20 of the second goal's swept money out: 80 of it is left to give back
        entry(second, team.budget(), "-20", EntryKind.WITHDRAWAL);

        var allocations = savings.takeBack(team.budget(), MARCH, new BigDecimal("100"));

        assertThat(allocations).extracting(Allocation::goalId).containsExactly(third, second);
        assertThat(allocations).extracting(Allocation::kind).containsOnly(EntryKind.ADJUSTMENT);
        assertThat(allocations.get(0).amount()).isEqualByComparingTo("-50");
        assertThat(allocations.get(1).amount()).isEqualByComparingTo("-50");
        assertThat(saved(third)).as("the member's 30 stay").isEqualByComparingTo("30");
        assertThat(saved(second)).isEqualByComparingTo("30");
        assertThat(saved(first)).isEqualByComparingTo("100");

        var rest = savings.takeBack(team.budget(), MARCH, new BigDecimal("1000"));

        assertThat(rest).extracting(Allocation::goalId).containsExactly(second, first);
        assertThat(saved(second)).isZero();
        assertThat(saved(first)).isZero();
        assertThat(saved(third)).isEqualByComparingTo("30");
        assertThat(savings.takeBack(team.budget(), MARCH, BigDecimal.ONE)).isEmpty();
    }

    @Test
    void reachingATargetPublishesGoalTargetReachedOnceAndRecordsWhen() {
        var team = team();
        var car = goal(team.budget(), "Car", "100", 1);
        clock.set(Instant.parse("2026-04-01T00:05:00Z"));

        savings.sweep(team.budget(), MARCH, new BigDecimal("60"), EntryKind.SURPLUS);
        assertThat(reached(car)).isEmpty();
        savings.sweep(team.budget(), MARCH, new BigDecimal("60"), EntryKind.SURPLUS);
        savings.takeBack(team.budget(), MARCH, new BigDecimal("50"));
        savings.sweep(team.budget(), MARCH, new BigDecimal("50"), EntryKind.ADJUSTMENT);

        assertThat(reached(car)).singleElement().satisfies(event -> {
            assertThat(event.budgetId()).isEqualTo(team.budget());
            assertThat(event.name()).isEqualTo("Car");
            assertThat(event.targetAmount()).isEqualByComparingTo("100");
            assertThat(event.currency()).isEqualTo("EUR");
            assertThat(event.reachedOn()).isEqualTo(java.time.LocalDate.of(2026, 4, 1));
        });
        assertThat(jdbc.sql("SELECT reached_at FROM goal WHERE id = :id").param("id", car).query(java.time.OffsetDateTime.class).single()
                .toInstant()).isEqualTo(Instant.parse("2026-04-01T00:05:00Z"));
    }

    @Test
    void entriesAreAppendOnly() {
        var team = team();
        var car = goal(team.budget(), "Car", "100", 1);
        savings.sweep(team.budget(), MARCH, new BigDecimal("60"), EntryKind.SURPLUS);

        assertThatThrownBy(() -> jdbc.sql("UPDATE goal_entry SET amount = 1000 WHERE goal_id = :g").param("g", car).update())
                .hasMessageContaining("append-only");
        assertThat(saved(car)).isEqualByComparingTo("60");
    }

    List<GoalTargetReached> reached(UUID goal) {
        return domainEvents.of(GoalTargetReached.class).stream().filter(e -> e.goalId().equals(goal)).toList();
    }

    UUID goal(UUID budget, String name, String target, int priority) {
        return goal(budget, name, target, priority, clock.instant());
    }

    UUID goal(UUID budget, String name, String target, int priority, Instant createdAt) {
        var id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO goal (id, budget_id, name, currency, target_amount, priority, created_at, updated_at)
                VALUES (:id, :b, :name, 'EUR', :target, :priority, :at, :at)
                """)
                .param("id", id).param("b", budget).param("name", name).param("target", new BigDecimal(target)).param("priority", priority)
                .param("at", createdAt.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC))
                .update();
        return id;
    }

    void entry(UUID goal, UUID budget, String amount, EntryKind kind) {
        jdbc.sql("INSERT INTO goal_entry (id, goal_id, budget_id, amount, kind, created_at) VALUES (:id, :g, :b, :a, :k, now())")
                .param("id", UUID.randomUUID()).param("g", goal).param("b", budget).param("a", new BigDecimal(amount)).param("k", kind.name())
                .update();
    }

    BigDecimal saved(UUID goal) {
        return jdbc.sql("SELECT coalesce(sum(amount), 0) FROM goal_entry WHERE goal_id = :g").param("g", goal).query(BigDecimal.class).single();
    }
}
