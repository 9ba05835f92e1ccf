package dev.kitty.transaction.goal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kitty.budget.events.BudgetDeleted;
import dev.kitty.budget.events.BudgetEvents;
import dev.kitty.user.events.UserDeleted;
import dev.kitty.user.events.UserEvents;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.JsonNode;

/** The goal endpoints through the full stack: CRUD, ETags, validation, contributions and withdrawals, GoalReached, cascades. */
class GoalIT extends GoalTestSupport {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    GoalSavings savings;

    @Test
    void createsReadsListsChangesAndDeletesAGoalWithETags() {
        var team = team();
        clock.set(Instant.parse("2026-03-10T12:00:00Z"));
        var created = call(HttpMethod.POST, goals(team.budget()), team.admin(),
                "{\"name\": \"  Summer holiday \", \"targetAmount\": \"1500\", \"targetDate\": \"2026-08-31\"}");
        var body = expect(created, HttpStatus.CREATED);
        var id = id(body);
        assertThat(created.getResponse().getHeader("Location")).isEqualTo(goal(team.budget(), id));
        assertThat(created.getResponse().getHeader("ETag")).isEqualTo("\"1\"");
        assertThat(body.get("name").asString()).isEqualTo("Summer holiday");
        assertThat(body.get("targetAmount").asString()).isEqualTo("1500.00");
        assertThat(body.get("currency").asString()).isEqualTo("EUR");
        assertThat(body.get("targetDate").asString()).isEqualTo("2026-08-31");
        assertThat(body.get("priority").asInt()).isEqualTo(1);
        assertThat(body.get("saved").asString()).isEqualTo("0.00");
        assertThat(body.get("progress").decimalValue()).isEqualByComparingTo("0");
        // March to August: 6 months, the current one included
        assertThat(body.get("monthlyNeeded").asString()).isEqualTo("250.00");
        assertThat(body.get("averageMonthlySurplus").isNull()).as("no month has closed").isTrue();
        assertThat(body.get("projectedCompletion").isNull()).isTrue();
        assertThat(body.get("reachedAt").isNull()).isTrue();
        assertThat(body.get("createdBy").asString()).isEqualTo(team.admin().id().toString());

        clock.set(Instant.parse("2026-03-10T12:00:01Z"));
        var second = id(createGoal(team.budget(), team.owner(), "{\"name\": \"Car\", \"targetAmount\": 9000.5}"));
        clock.set(Instant.parse("2026-03-10T12:00:02Z"));
        var first = id(createGoal(team.budget(), team.owner(), "{\"name\": \"Emergency\", \"targetAmount\": \"100\", \"priority\": 1}"));
        var list = expect(call(HttpMethod.GET, goals(team.budget()), team.viewer(), null), HttpStatus.OK);
        assertThat(list.get("content")).extracting(node -> node.get("id").asString())
                .as("priority, then the older goal").containsExactly(id.toString(), first.toString(), second.toString());
        assertThat(list.get("content").get(2).get("priority").asInt()).as("after the last").isEqualTo(2);
        assertThat(list.get("content").get(2).get("monthlyNeeded").isNull()).as("no target date").isTrue();
        assertThat(list.get("page").get("totalElements").asLong()).isEqualTo(3);
        var paged = expect(call(HttpMethod.GET, goals(team.budget()) + "?page=1&size=2", team.viewer(), null), HttpStatus.OK);
        assertThat(paged.get("content")).singleElement().satisfies(node -> assertThat(node.get("id").asString()).isEqualTo(second.toString()));

        var read = call(HttpMethod.GET, goal(team.budget(), id), team.viewer(), null);
        assertThat(read).hasStatusOk();
        assertThat(read.getResponse().getHeader("ETag")).isEqualTo("\"1\"");

        var patched = call(HttpMethod.PATCH, goal(team.budget(), id), team.admin(),
                "{\"name\": \"Holiday\", \"targetAmount\": \"1200\", \"targetDate\": null, \"priority\": 5}", "If-Match", "\"1\"");
        var changed = expect(patched, HttpStatus.OK);
        assertThat(patched.getResponse().getHeader("ETag")).isEqualTo("\"2\"");
        assertThat(changed.get("name").asString()).isEqualTo("Holiday");
        assertThat(changed.get("targetAmount").asString()).isEqualTo("1200.00");
        assertThat(changed.get("targetDate").isNull()).isTrue();
        assertThat(changed.get("priority").asInt()).isEqualTo(5);
        var untouched = expect(call(HttpMethod.PATCH, goal(team.budget(), id), team.admin(), "{}"), HttpStatus.OK);
        assertThat(untouched.get("name").asString()).isEqualTo("Holiday");
        assertThat(untouched.get("targetAmount").asString()).isEqualTo("1200.00");

        expect(call(HttpMethod.DELETE, goal(team.budget(), id), team.owner(), null), HttpStatus.NO_CONTENT);
        expect(call(HttpMethod.GET, goal(team.budget(), id), team.owner(), null), HttpStatus.NOT_FOUND);
        expect(call(HttpMethod.DELETE, goal(team.budget(), id), team.owner(), null), HttpStatus.NOT_FOUND);
    }

    @Test
    void aStaleIfMatchIsRefusedWith412AndChangesNothing() {
        var team = team();
        var id = createGoal(team.budget(), team.admin(), "Car", "100");
        contribute(team.budget(), id, team.member(), "10");
        var current = call(HttpMethod.GET, goal(team.budget(), id), team.admin(), null).getResponse().getHeader("ETag");
        assertThat(current).as("an entry changes the goal's representation, so its tag").isEqualTo("\"2\"");

        expect(call(HttpMethod.PATCH, goal(team.budget(), id), team.admin(), "{\"name\": \"Boat\"}", "If-Match", "\"1\""),
                HttpStatus.PRECONDITION_FAILED);
        expect(call(HttpMethod.DELETE, goal(team.budget(), id), team.admin(), null, "If-Match", "\"1\""), HttpStatus.PRECONDITION_FAILED);
        expect(call(HttpMethod.PATCH, goal(team.budget(), id), team.admin(), "{\"name\": \"Boat\"}", "If-Match", "nonsense"),
                HttpStatus.PRECONDITION_FAILED);
        assertThat(read(team.budget(), id, team.admin()).get("name").asString()).isEqualTo("Car");

        expect(call(HttpMethod.PATCH, goal(team.budget(), id), team.admin(), "{\"name\": \"Boat\"}", "If-Match", current), HttpStatus.OK);
        expect(call(HttpMethod.DELETE, goal(team.budget(), id), team.admin(), null, "If-Match", "\"3\""), HttpStatus.NO_CONTENT);
    }

    static Stream<Arguments> invalidGoals() {
        return Stream.of(
                Arguments.of("no name", "{\"targetAmount\": \"100\"}"),
                Arguments.of("blank name", "{\"name\": \"   \", \"targetAmount\": \"100\"}"),
                Arguments.of("name too long", "{\"name\": \"" + "x".repeat(101) + "\", \"targetAmount\": \"100\"}"),
                Arguments.of("control character", "{\"name\": \"Car\\u0007\", \"targetAmount\": \"100\"}"),
                Arguments.of("no target", "{\"name\": \"Car\"}"),
                Arguments.of("zero target", "{\"name\": \"Car\", \"targetAmount\": \"0\"}"),
                Arguments.of("negative target", "{\"name\": \"Car\", \"targetAmount\": \"-5\"}"),
                Arguments.of("too many decimals", "{\"name\": \"Car\", \"targetAmount\": \"10.005\"}"),
                Arguments.of("absurd target", "{\"name\": \"Car\", \"targetAmount\": \"1000000000000\"}"),
                Arguments.of("target not a number", "{\"name\": \"Car\", \"targetAmount\": \"lots\"}"),
                Arguments.of("past target date", "{\"name\": \"Car\", \"targetAmount\": \"100\", \"targetDate\": \"2026-03-09\"}"),
                Arguments.of("target date beyond 100 years", "{\"name\": \"Car\", \"targetAmount\": \"100\", \"targetDate\": \"2126-03-11\"}"),
                Arguments.of("impossible date", "{\"name\": \"Car\", \"targetAmount\": \"100\", \"targetDate\": \"2026-02-30\"}"),
                Arguments.of("priority zero", "{\"name\": \"Car\", \"targetAmount\": \"100\", \"priority\": 0}"),
                Arguments.of("priority too high", "{\"name\": \"Car\", \"targetAmount\": \"100\", \"priority\": 1001}"),
                Arguments.of("priority not a number", "{\"name\": \"Car\", \"targetAmount\": \"100\", \"priority\": \"first\"}"),
                Arguments.of("not JSON", "{\"name\": "));
    }

    @ParameterizedTest(name = "POST {0} → 400")
    @MethodSource("invalidGoals")
    void refusesAnInvalidGoalWith400AndCreatesNothing(String why, String body) {
        var team = team();
        clock.set(Instant.parse("2026-03-10T12:00:00Z"));
        var problem = expect(call(HttpMethod.POST, goals(team.budget()), team.admin(), body), HttpStatus.BAD_REQUEST);
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(rows("goal", team.budget())).isZero();
    }

    static Stream<Arguments> invalidChanges() {
        return Stream.of(
                Arguments.of("blank name", "{\"name\": \"\"}"),
                Arguments.of("control character", "{\"name\": \"a\\nb\"}"),
                Arguments.of("zero target", "{\"targetAmount\": 0}"),
                Arguments.of("too many decimals", "{\"targetAmount\": \"1.001\"}"),
                Arguments.of("past target date", "{\"targetDate\": \"2020-01-01\"}"),
                Arguments.of("priority zero", "{\"priority\": 0}"),
                Arguments.of("target not a number", "{\"targetAmount\": []}"));
    }

    @ParameterizedTest(name = "PATCH {0} → 400")
    @MethodSource("invalidChanges")
    void refusesAnInvalidChangeWith400AndChangesNothing(String why, String body) {
        var team = team();
        var id = createGoal(team.budget(), team.admin(), "Car", "100");
        var before = read(team.budget(), id, team.admin());

        expect(call(HttpMethod.PATCH, goal(team.budget(), id), team.admin(), body), HttpStatus.BAD_REQUEST);

        assertThat(read(team.budget(), id, team.admin())).isEqualTo(before);
    }

    static Stream<Arguments> invalidContributions() {
        return Stream.of(
                Arguments.of("zero", "{\"amount\": \"0\"}"),
                Arguments.of("zero with decimals", "{\"amount\": 0.00}"),
                Arguments.of("too many decimals", "{\"amount\": \"1.234\"}"),
                Arguments.of("negative with too many decimals", "{\"amount\": \"-1.234\"}"),
                Arguments.of("absurd", "{\"amount\": \"1e15\"}"),
                Arguments.of("absurd withdrawal", "{\"amount\": \"-1000000000000\"}"),
                Arguments.of("no amount", "{}"),
                Arguments.of("not a number", "{\"amount\": \"ten\"}"));
    }

    @ParameterizedTest(name = "contribution {0} → 400")
    @MethodSource("invalidContributions")
    void refusesAnInvalidContributionWith400AndWritesNoEntry(String why, String body) {
        var team = team();
        var id = createGoal(team.budget(), team.admin(), "Car", "100");
        expect(call(HttpMethod.POST, goal(team.budget(), id) + "/contributions", team.member(), body), HttpStatus.BAD_REQUEST);
        assertThat(rows("goal_entry", team.budget())).isZero();
    }

    @Test
    void namesAreUniquePerBudgetWhateverTheirCase() {
        var team = team();
        var other = team();
        createGoal(team.budget(), team.admin(), "Car", "100");
        var boat = createGoal(team.budget(), team.admin(), "Boat", "100");
        createGoal(other.budget(), other.admin(), "car", "100");

        var problem = expect(call(HttpMethod.POST, goals(team.budget()), team.admin(), "{\"name\": \"CAR\", \"targetAmount\": 5}"),
                HttpStatus.CONFLICT);
        assertThat(problem.get("type").asString()).endsWith("goal-name-taken");
        expect(call(HttpMethod.PATCH, goal(team.budget(), boat), team.admin(), "{\"name\": \"car\"}"), HttpStatus.CONFLICT);
        assertThat(rows("goal", team.budget())).isEqualTo(2);
        expect(call(HttpMethod.PATCH, goal(team.budget(), boat), team.admin(), "{\"name\": \"BOAT\"}"), HttpStatus.OK);
    }

    @Test
    void contributionsAndWithdrawalsAreAttributedAndNeverTakeAGoalBelowZero() {
        var team = team();
        var id = createGoal(team.budget(), team.admin(), "Car", "100");
        clock.set(Instant.parse("2026-05-01T10:00:00Z"));
        var put = contribute(team.budget(), id, team.member(), "40.5");
        assertThat(put.get("amount").asString()).isEqualTo("40.50");
        assertThat(put.get("kind").asString()).isEqualTo("CONTRIBUTION");
        assertThat(put.get("createdBy").asString()).isEqualTo(team.member().id().toString());
        assertThat(put.get("month").isNull()).isTrue();
        clock.set(Instant.parse("2026-05-02T10:00:00Z"));
        var taken = contribute(team.budget(), id, team.owner(), "-0.5");
        assertThat(taken.get("amount").asString()).isEqualTo("-0.50");
        assertThat(taken.get("kind").asString()).isEqualTo("WITHDRAWAL");

        var problem = expect(call(HttpMethod.POST, goal(team.budget(), id) + "/contributions", team.member(), "{\"amount\": \"-40.01\"}"),
                HttpStatus.CONFLICT);
        assertThat(problem.get("type").asString()).endsWith("insufficient-savings");
        assertThat(saved(id)).isEqualByComparingTo("40");

        clock.set(Instant.parse("2026-05-03T10:00:00Z"));
        contribute(team.budget(), id, team.member(), "-40");
        var goal = read(team.budget(), id, team.viewer());
        assertThat(goal.get("saved").asString()).isEqualTo("0.00");
        var entries = expect(call(HttpMethod.GET, goal(team.budget(), id) + "/entries", team.viewer(), null), HttpStatus.OK);
        assertThat(entries.get("content")).extracting(e -> e.get("amount").asString()).containsExactly("-40.00", "-0.50", "40.50");
        assertThat(entries.get("content").get(1).get("createdBy").asString()).isEqualTo(team.owner().id().toString());
        assertThat(entries.get("page").get("totalElements").asLong()).isEqualTo(3);
        var second = expect(call(HttpMethod.GET, goal(team.budget(), id) + "/entries?page=1&size=2", team.viewer(), null), HttpStatus.OK);
        assertThat(second.get("content")).extracting(e -> e.get("amount").asString()).containsExactly("40.50");
        expect(call(HttpMethod.POST, goal(team.budget(), id) + "/contributions", team.member(), "{\"amount\": \"-0.01\"}"), HttpStatus.CONFLICT);
    }

    @Test
    void sweptEntriesShowTheirMonth() {
        var team = team();
        var id = createGoal(team.budget(), team.admin(), "Car", "100");
        savings.sweep(team.budget(), YearMonth.of(2026, 2), new BigDecimal("30"), EntryKind.SURPLUS);

        var entries = expect(call(HttpMethod.GET, goal(team.budget(), id) + "/entries", team.viewer(), null), HttpStatus.OK);
        var entry = entries.get("content").get(0);
        assertThat(entry.get("month").asString()).isEqualTo("2026-02");
        assertThat(entry.get("kind").asString()).isEqualTo("SURPLUS");
        assertThat(entry.get("amount").asString()).isEqualTo("30.00");
        assertThat(entry.get("createdBy").isNull()).isTrue();
    }

    @Test
    void racingWithdrawalsNeverTakeAGoalBelowZero() throws Exception {
        var team = team();
        var id = createGoal(team.budget(), team.admin(), "Car", "1000");
        contribute(team.budget(), id, team.member(), "100");
        var start = new CountDownLatch(1);
        var tasks = new ArrayList<Callable<Integer>>();
        for (int i = 0; i < 12; i++) {
            var who = i % 2 == 0 ? team.member() : team.owner();
            tasks.add(() -> {
                start.await();
                return call(HttpMethod.POST, goal(team.budget(), id) + "/contributions", who, "{\"amount\": \"-30\"}").getResponse().getStatus();
            });
        }
        List<Integer> statuses;
        try (var pool = Executors.newFixedThreadPool(12)) {
            var futures = tasks.stream().map(pool::submit).toList();
            start.countDown();
            statuses = new ArrayList<>();
            for (var future : futures) {
                statuses.add(future.get());
            }
        }

        assertThat(statuses).filteredOn(status -> status == 201).hasSize(3);
        assertThat(statuses).filteredOn(status -> status == 409).hasSize(9);
        assertThat(saved(id)).isEqualByComparingTo("10");
    }

    @Test
    void racingSweepsAndWithdrawalsKeepEveryGoalBetweenZeroAndWhatWasPutIn() throws Exception {
        var team = team();
        var first = createGoal(team.budget(), team.admin(), "First", "100");
        var second = createGoal(team.budget(), team.admin(), "Second", "100");
        contribute(team.budget(), first, team.member(), "50");
        var start = new CountDownLatch(1);
        var tasks = new ArrayList<Callable<Object>>();
        for (int i = 0; i < 6; i++) {
            tasks.add(() -> {
                start.await();
                return savings.sweep(team.budget(), YearMonth.of(2026, 1), new BigDecimal("40"), EntryKind.SURPLUS);
            });
            tasks.add(() -> {
                start.await();
                return call(HttpMethod.POST, goal(team.budget(), first) + "/contributions", team.member(), "{\"amount\": \"-20\"}")
                        .getResponse().getStatus();
            });
        }
        try (var pool = Executors.newFixedThreadPool(12)) {
            var futures = tasks.stream().map(pool::submit).toList();
            start.countDown();
            for (var future : futures) {
                future.get();
            }
        }

        var minimum = jdbc.sql("""
                SELECT min(running) FROM (SELECT sum(amount) OVER (PARTITION BY goal_id ORDER BY created_at, id) AS running
                                          FROM goal_entry WHERE budget_id = :b) r
                """).param("b", team.budget()).query(BigDecimal.class).single();
        assertThat(saved(first)).isBetween(BigDecimal.ZERO, new BigDecimal("100"));
        assertThat(saved(second)).isBetween(BigDecimal.ZERO, new BigDecimal("100"));
        assertThat(minimum).isNotNull();
        var swept = jdbc.sql("SELECT coalesce(sum(amount), 0) FROM goal_entry WHERE budget_id = :b AND kind = 'SURPLUS'")
                .param("b", team.budget()).query(BigDecimal.class).single();
        var withdrawn = jdbc.sql("SELECT coalesce(sum(amount), 0) FROM goal_entry WHERE budget_id = :b AND kind = 'WITHDRAWAL'")
                .param("b", team.budget()).query(BigDecimal.class).single();
        assertThat(saved(first).add(saved(second))).isEqualByComparingTo(new BigDecimal("50").add(swept).add(withdrawn));
    }

    @Test
    void goalReachedIsPublishedOnceWhenTheTargetIsFirstMet() {
        var team = team();
        var id = createGoal(team.budget(), team.admin(), "Summer holiday", "150");
        clock.set(Instant.parse("2026-06-15T08:00:00Z"));
        contribute(team.budget(), id, team.member(), "100");
        contribute(team.budget(), id, team.member(), "60");
        var reached = read(team.budget(), id, team.viewer());
        assertThat(reached.get("reachedAt").asString()).isEqualTo("2026-06-15T08:00:00Z");
        assertThat(reached.get("progress").decimalValue()).isEqualByComparingTo("1");
        assertThat(reached.get("projectedCompletion").asString()).as("reached: this month").isEqualTo("2026-06");
        contribute(team.budget(), id, team.member(), "-100");
        clock.set(Instant.parse("2026-07-01T08:00:00Z"));
        contribute(team.budget(), id, team.member(), "100");
        assertThat(read(team.budget(), id, team.viewer()).get("reachedAt").asString()).as("kept").isEqualTo("2026-06-15T08:00:00Z");
        // a later event of the same budget: once it is on the topic, everything before it is too
        record(team.budget(), team.member(), "{\"type\": \"EXPENSE\", \"amount\": \"1\", \"occurredOn\": \"2026-06-01\"}");

        var envelopes = transactionEvents(team.budget(), e -> e.get("type").asString().equals("kitty.transaction.recorded.v1"));
        var goalReached = envelopes.stream().filter(e -> e.get("type").asString().equals("kitty.budget.goal-reached.v1")).toList();
        assertThat(goalReached).singleElement().satisfies(envelope -> {
            var data = envelope.get("data");
            assertThat(data.get("goalId").asString()).isEqualTo(id.toString());
            assertThat(data.get("budgetId").asString()).isEqualTo(team.budget().toString());
            assertThat(data.get("name").asString()).isEqualTo("Summer holiday");
            assertThat(data.get("targetAmount").asString()).isEqualTo("150.00");
            assertThat(data.get("currency").asString()).isEqualTo("EUR");
            assertThat(data.get("reachedOn").asString()).isEqualTo("2026-06-15");
        });
    }

    @Test
    void loweringTheTargetToTheSavingsCountsAsReached() {
        var team = team();
        var id = createGoal(team.budget(), team.admin(), "Car", "100");
        contribute(team.budget(), id, team.member(), "60");
        assertThat(domainEvents.of(GoalTargetReached.class)).noneMatch(e -> e.goalId().equals(id));

        var changed = expect(call(HttpMethod.PATCH, goal(team.budget(), id), team.admin(), "{\"targetAmount\": \"50\"}"), HttpStatus.OK);

        assertThat(changed.get("reachedAt").isNull()).isFalse();
        assertThat(changed.get("progress").decimalValue()).isEqualByComparingTo("1");
        assertThat(changed.get("saved").asString()).isEqualTo("60.00");
        expect(call(HttpMethod.PATCH, goal(team.budget(), id), team.admin(), "{\"targetAmount\": \"500\"}"), HttpStatus.OK);
        expect(call(HttpMethod.PATCH, goal(team.budget(), id), team.admin(), "{\"targetAmount\": \"10\"}"), HttpStatus.OK);
        assertThat(domainEvents.of(GoalTargetReached.class)).filteredOn(e -> e.goalId().equals(id)).hasSize(1);
    }

    @Test
    void monthlyNeededCountsTheCurrentMonthAndRoundsUp() {
        var team = team("JPY");
        clock.set(Instant.parse("2026-01-31T23:00:00Z"));
        var id = id(createGoal(team.budget(), team.admin(), "{\"name\": \"Bike\", \"targetAmount\": 1000, \"targetDate\": \"2026-03-01\"}"));
        // January, February, March: 1000 / 3 = 333.33… → 334 yen
        assertThat(read(team.budget(), id, team.viewer()).get("monthlyNeeded").asString()).isEqualTo("334");
        contribute(team.budget(), id, team.member(), "400");
        clock.set(Instant.parse("2026-02-01T00:00:00Z"));
        assertThat(read(team.budget(), id, team.viewer()).get("monthlyNeeded").asString()).isEqualTo("300");
        // past the target date: all that is missing, now
        clock.set(Instant.parse("2026-05-01T00:00:00Z"));
        assertThat(read(team.budget(), id, team.viewer()).get("monthlyNeeded").asString()).isEqualTo("600");
        contribute(team.budget(), id, team.member(), "600");
        assertThat(read(team.budget(), id, team.viewer()).get("monthlyNeeded").asString()).isEqualTo("0");
    }

    @Test
    void anotherBudgetsGoalIsNotFoundThroughThisBudget() {
        var team = team();
        var other = team();
        var theirs = createGoal(other.budget(), other.admin(), "Theirs", "100");
        contribute(other.budget(), theirs, other.member(), "50");

        expect(call(HttpMethod.GET, goal(team.budget(), theirs), team.owner(), null), HttpStatus.NOT_FOUND);
        expect(call(HttpMethod.GET, goal(team.budget(), theirs) + "/entries", team.owner(), null), HttpStatus.NOT_FOUND);
        expect(call(HttpMethod.PATCH, goal(team.budget(), theirs), team.owner(), "{\"name\": \"Mine\"}"), HttpStatus.NOT_FOUND);
        expect(call(HttpMethod.POST, goal(team.budget(), theirs) + "/contributions", team.owner(), "{\"amount\": \"-50\"}"), HttpStatus.NOT_FOUND);
        expect(call(HttpMethod.DELETE, goal(team.budget(), theirs), team.owner(), null), HttpStatus.NOT_FOUND);
        assertThat(saved(theirs)).isEqualByComparingTo("50");
        assertThat(read(other.budget(), theirs, other.viewer()).get("name").asString()).isEqualTo("Theirs");
    }

    @Test
    void deletingAGoalWithSavingsReleasesThem() {
        var team = team();
        var id = createGoal(team.budget(), team.admin(), "Car", "100");
        contribute(team.budget(), id, team.member(), "60");

        expect(call(HttpMethod.DELETE, goal(team.budget(), id), team.admin(), null), HttpStatus.NO_CONTENT);

        assertThat(rows("goal_entry", team.budget())).isZero();
        createGoal(team.budget(), team.admin(), "Car", "100");
    }

    @Test
    void aBudgetHoldsAtMostAHundredGoals() {
        var team = team();
        for (int i = 0; i < Goals.MAX_GOALS; i++) {
            jdbc.sql("INSERT INTO goal (id, budget_id, name, currency, target_amount, priority, created_at, updated_at) VALUES (:id, :b, :n, 'EUR', 1, 1000, now(), now())")
                    .param("id", UUID.randomUUID()).param("b", team.budget()).param("n", "Goal " + i).update();
        }
        var problem = expect(call(HttpMethod.POST, goals(team.budget()), team.admin(), "{\"name\": \"One more\", \"targetAmount\": 5}"),
                HttpStatus.CONFLICT);
        assertThat(problem.get("type").asString()).endsWith("too-many-goals");
        var all = expect(call(HttpMethod.GET, goals(team.budget()) + "?size=100", team.viewer(), null), HttpStatus.OK);
        assertThat(all.get("content")).hasSize(100);
    }

    @Test
    void aDeletedBudgetTakesItsGoalsAndEntriesAlong() {
        var team = team();
        var other = team();
        var id = createGoal(team.budget(), team.admin(), "Car", "100");
        contribute(team.budget(), id, team.member(), "60");
        var kept = createGoal(other.budget(), other.admin(), "Boat", "100");
        contribute(other.budget(), kept, other.member(), "10");

        var event = new BudgetDeleted(team.budget(), "Household", team.owner().id(), List.of(team.owner().id()), Instant.now());
        var eventId = onKafka.send(BudgetEvents.BUDGET_DELETED, event);
        await().atMost(PATIENCE).until(() -> rows("goal", team.budget()) == 0);
        assertThat(rows("goal_entry", team.budget())).isZero();
        onKafka.send(BudgetEvents.BUDGET_DELETED, event, eventId, team.budget().toString());
        assertThat(rows("goal", other.budget())).isEqualTo(1);
        assertThat(saved(kept)).isEqualByComparingTo("10");
    }

    @Test
    void aDeletedAccountLeavesItsContributionsAsAFormerMembers() {
        var team = team();
        var leaving = user("leaving");
        memberInReplica(team.budget(), leaving, "ADMIN");
        var id = createGoal(team.budget(), leaving, "Car", "100");
        contribute(team.budget(), id, leaving, "60");

        onKafka.send(UserEvents.USER_DELETED, new UserDeleted(leaving.id(), Instant.now()));
        await().atMost(PATIENCE).until(() -> jdbc.sql("SELECT count(*) FROM goal_entry WHERE created_by = :u").param("u", leaving.id())
                .query(Long.class).single() == 0);

        var goal = read(team.budget(), id, team.viewer());
        assertThat(goal.get("createdBy").isNull()).isTrue();
        assertThat(goal.get("saved").asString()).isEqualTo("60.00");
        JsonNode entry = expect(call(HttpMethod.GET, goal(team.budget(), id) + "/entries", team.viewer(), null), HttpStatus.OK).get("content").get(0);
        assertThat(entry.get("createdBy").isNull()).isTrue();
        assertThat(entry.get("amount").asString()).isEqualTo("60.00");
    }
}
