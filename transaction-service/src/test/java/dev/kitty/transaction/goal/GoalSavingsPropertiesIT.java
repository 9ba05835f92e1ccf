package dev.kitty.transaction.goal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kitty.platform.test.MutableClock;
import dev.kitty.platform.test.TestTokens;
import dev.kitty.transaction.goal.GoalSavings.Allocation;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestContextManager;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * For random histories of a budget's goals (goals created, targets changed, goals deleted, contributions and
 * withdrawals through the HTTP API, sweeps and take-backs through {@link GoalSavings}) on the real PostgreSQL:
 * <ul>
 * <li>no money is created or lost: the sum over goals of {@code saved} equals contributions − withdrawals + swept
 * surplus + adjustments, as the API and the sweep reported them (a deleted goal's go with it: its savings are
 * released), and each goal's {@code saved} equals its own;</li>
 * <li>no goal is ever below zero (not even for a moment in its ledger), and a withdrawal is refused exactly when it
 * would take one there;</li>
 * <li>a sweep never takes a goal above its target, allocates exactly what the goals need (or the whole amount, when
 * they need more) in priority order; a take-back returns exactly what sweeps put in and is still there (or the whole
 * amount), lowest priority first.</li>
 * </ul>
 * jqwik runs outside Spring's JUnit extension, so the class borrows the shared test context from Spring's cache, as
 * {@code RollupPropertiesIT} does.
 */
class GoalSavingsPropertiesIT extends GoalTestSupport {

    sealed interface Step permits NewGoal, Contribute, Withdraw, Sweep, TakeBack, ChangeTarget, DeleteGoal {}

    record NewGoal(long targetCents, @Nullable Integer priority) implements Step {}

    record Contribute(int which, long cents) implements Step {}

    record Withdraw(int which, long cents) implements Step {}

    record Sweep(long cents, boolean adjustment) implements Step {}

    record TakeBack(long cents) implements Step {}

    record ChangeTarget(int which, long targetCents) implements Step {}

    record DeleteGoal(int which) implements Step {}

    /** What the model knows of a live goal, from what the API and the sweep reported. */
    static final class Modelled {
        final UUID id;
        BigDecimal target;
        BigDecimal saved = BigDecimal.ZERO;
        BigDecimal swept = BigDecimal.ZERO;
        final Map<EntryKind, BigDecimal> byKind = new LinkedHashMap<>();

        Modelled(UUID id, BigDecimal target) {
            this.id = id;
            this.target = target;
        }

        BigDecimal needed() {
            return target.subtract(saved).max(BigDecimal.ZERO);
        }
    }

    static ApplicationContext context;

    @BeforeContainer
    static void borrowTheSharedContext() throws Exception {
        context = new TestContextManager(GoalSavingsPropertiesIT.class).getTestContext().getApplicationContext();
    }

    @Property(tries = 50)
    void sweepsAndMembersNeitherCreateNorLoseMoneyAndKeepEveryGoalBetweenZeroAndItsTarget(@ForAll("histories") List<Step> history) {
        var jdbc = context.getBean(JdbcClient.class);
        var savings = context.getBean(GoalSavings.class);
        var clock = context.getBean(MutableClock.class);
        clock.set(Instant.now().truncatedTo(ChronoUnit.MICROS));
        var api = new Api(context.getBean(MockMvcTester.class), context.getBean(TestTokens.class), context.getBean(JsonMapper.class));
        var owner = UUID.randomUUID();
        var budget = UUID.randomUUID();
        jdbc.sql("INSERT INTO budget_ref (budget_id, currency, created_at) VALUES (:b, 'EUR', now())").param("b", budget).update();
        jdbc.sql("INSERT INTO budget_member (budget_id, user_id, role, joined_at, updated_at, version) VALUES (:b, :u, 'OWNER', now(), now(), 1)")
                .param("b", budget).param("u", owner).update();
        var live = new LinkedHashMap<UUID, Modelled>();
        var month = YearMonth.of(2026, 1);
        int names = 0;

        for (var step : history) {
            clock.set(clock.instant().plusSeconds(1));
            var goals = List.copyOf(live.values());
            switch (step) {
                case NewGoal g -> {
                    var body = "{\"name\": \"Goal %d\", \"targetAmount\": \"%s\"%s}".formatted(names++, money(g.targetCents()),
                            g.priority() == null ? "" : ", \"priority\": " + g.priority());
                    var created = api.send(owner, "POST", goals(budget), body, 201);
                    var id = id(created);
                    live.put(id, new Modelled(id, new BigDecimal(created.get("targetAmount").asString())));
                }
                case Contribute c when !goals.isEmpty() -> {
                    var goal = goals.get(c.which() % goals.size());
                    var entry = api.send(owner, "POST", goal(budget, goal.id) + "/contributions", "{\"amount\": \"" + money(c.cents()) + "\"}", 201);
                    assertThat(entry.get("kind").asString()).isEqualTo("CONTRIBUTION");
                    book(goal, EntryKind.CONTRIBUTION, new BigDecimal(entry.get("amount").asString()));
                }
                case Withdraw w when !goals.isEmpty() -> {
                    var goal = goals.get(w.which() % goals.size());
                    var amount = new BigDecimal(money(w.cents()));
                    var enough = goal.saved.compareTo(amount) >= 0;
                    var entry = api.send(owner, "POST", goal(budget, goal.id) + "/contributions", "{\"amount\": \"-" + amount + "\"}",
                            enough ? 201 : 409);
                    if (enough) {
                        assertThat(entry.get("kind").asString()).isEqualTo("WITHDRAWAL");
                        book(goal, EntryKind.WITHDRAWAL, new BigDecimal(entry.get("amount").asString()));
                    }
                }
                case Sweep s -> {
                    var amount = new BigDecimal(money(s.cents()));
                    var kind = s.adjustment() ? EntryKind.ADJUSTMENT : EntryKind.SURPLUS;
                    var needed = goals.stream().map(Modelled::needed).reduce(BigDecimal.ZERO, BigDecimal::add);
                    var allocations = savings.sweep(budget, month, amount, kind);
                    assertThat(sum(allocations)).as("all the goals need, at most the amount").isEqualByComparingTo(amount.min(needed));
                    assertThat(priorities(allocations, jdbc)).as("in priority order").isSortedAccordingTo(Comparator.naturalOrder());
                    for (var allocation : allocations) {
                        var goal = live.get(allocation.goalId());
                        assertThat(allocation.kind()).isEqualTo(kind);
                        assertThat(allocation.amount().signum()).isPositive();
                        assertThat(goal.saved.add(allocation.amount())).as("never above the target").isLessThanOrEqualTo(goal.target);
                        book(goal, kind, allocation.amount());
                        goal.swept = goal.swept.add(allocation.amount());
                    }
                    month = month.plusMonths(1);
                }
                case TakeBack t -> {
                    var amount = new BigDecimal(money(t.cents()));
                    var available = goals.stream().map(g -> g.saved.min(g.swept).max(BigDecimal.ZERO)).reduce(BigDecimal.ZERO, BigDecimal::add);
                    var allocations = savings.takeBack(budget, month.minusMonths(1), amount);
                    assertThat(sum(allocations).negate()).as("all that sweeps left there, at most the amount")
                            .isEqualByComparingTo(amount.min(available));
                    assertThat(priorities(allocations, jdbc)).as("lowest priority first").isSortedAccordingTo(Comparator.reverseOrder());
                    for (var allocation : allocations) {
                        var goal = live.get(allocation.goalId());
                        assertThat(allocation.kind()).isEqualTo(EntryKind.ADJUSTMENT);
                        assertThat(allocation.amount().signum()).isNegative();
                        assertThat(allocation.amount().negate()).isLessThanOrEqualTo(goal.saved.min(goal.swept));
                        book(goal, EntryKind.ADJUSTMENT, allocation.amount());
                        goal.swept = goal.swept.add(allocation.amount());
                    }
                }
                case ChangeTarget c when !goals.isEmpty() -> {
                    var goal = goals.get(c.which() % goals.size());
                    var changed = api.send(owner, "PATCH", goal(budget, goal.id), "{\"targetAmount\": \"" + money(c.targetCents()) + "\"}", 200);
                    goal.target = new BigDecimal(changed.get("targetAmount").asString());
                }
                case DeleteGoal d when !goals.isEmpty() -> {
                    var goal = goals.get(d.which() % goals.size());
                    api.send(owner, "DELETE", goal(budget, goal.id), null, 204);
                    // its savings are released: they leave the books with it
                    live.remove(goal.id);
                    assertThat(jdbc.sql("SELECT count(*) FROM goal_entry WHERE goal_id = :g").param("g", goal.id).query(Long.class).single())
                            .isZero();
                }
                default -> { }
            }
            for (var goal : live.values()) {
                var stored = savedOf(jdbc, goal.id);
                assertThat(stored).as("saved is the sum of what was reported").isEqualByComparingTo(goal.saved);
                assertThat(stored.signum()).as("never below zero").isNotNegative();
            }
        }

        var listed = api.send(owner, "GET", goals(budget) + "?size=100", null, 200).get("content");
        var savedOverGoals = BigDecimal.ZERO;
        for (var goal : listed) {
            var saved = new BigDecimal(goal.get("saved").asString());
            assertThat(saved).isEqualByComparingTo(live.get(id(goal)).saved);
            savedOverGoals = savedOverGoals.add(saved);
        }
        assertThat(listed).hasSize(live.size());
        var totals = new LinkedHashMap<EntryKind, BigDecimal>();
        live.values().forEach(goal -> goal.byKind.forEach((kind, amount) -> totals.merge(kind, amount, BigDecimal::add)));
        var contributions = totals.getOrDefault(EntryKind.CONTRIBUTION, BigDecimal.ZERO);
        var withdrawals = totals.getOrDefault(EntryKind.WITHDRAWAL, BigDecimal.ZERO).negate();
        var swept = totals.getOrDefault(EntryKind.SURPLUS, BigDecimal.ZERO);
        var adjustments = totals.getOrDefault(EntryKind.ADJUSTMENT, BigDecimal.ZERO);
        assertThat(savedOverGoals).as("Σ saved = contributions − withdrawals + swept + adjustments")
                .isEqualByComparingTo(contributions.subtract(withdrawals).add(swept).add(adjustments));
        for (var kind : EntryKind.values()) {
            assertThat(jdbc.sql("SELECT coalesce(sum(amount), 0) FROM goal_entry WHERE budget_id = :b AND kind = :k")
                    .param("b", budget).param("k", kind.name()).query(BigDecimal.class).single())
                    .as(kind.name()).isEqualByComparingTo(totals.getOrDefault(kind, BigDecimal.ZERO));
        }
        var lowest = jdbc.sql("""
                SELECT coalesce(min(running), 0) FROM (
                    SELECT sum(amount) OVER (PARTITION BY goal_id ORDER BY created_at, id ROWS UNBOUNDED PRECEDING) AS running
                    FROM goal_entry WHERE budget_id = :b) r
                """).param("b", budget).query(BigDecimal.class).single();
        assertThat(lowest.signum()).as("no goal's ledger ever dips below zero").isNotNegative();
    }

    private static void book(Modelled goal, EntryKind kind, BigDecimal amount) {
        goal.saved = goal.saved.add(amount);
        goal.byKind.merge(kind, amount, BigDecimal::add);
    }

    private static List<Integer> priorities(List<Allocation> allocations, JdbcClient jdbc) {
        var priorities = new ArrayList<Integer>();
        for (var allocation : allocations) {
            priorities.add(jdbc.sql("SELECT priority FROM goal WHERE id = :id").param("id", allocation.goalId()).query(Integer.class).single());
        }
        return priorities;
    }

    private static BigDecimal sum(List<Allocation> allocations) {
        return allocations.stream().map(Allocation::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static BigDecimal savedOf(JdbcClient jdbc, UUID goal) {
        return jdbc.sql("SELECT coalesce(sum(amount), 0) FROM goal_entry WHERE goal_id = :g").param("g", goal).query(BigDecimal.class).single();
    }

    private static String money(long cents) {
        return BigDecimal.valueOf(cents, 2).toPlainString();
    }

    /** The service's HTTP API with real access tokens; every answer must have the expected status. */
    record Api(MockMvcTester mvc, TestTokens tokens, JsonMapper json) {

        JsonNode send(UUID caller, String method, String path, @Nullable String body, int expected) {
            var request = mvc.method(org.springframework.http.HttpMethod.valueOf(method)).uri(path)
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.accessToken(caller, caller + "@kitty.test", "USER"))
                    .accept(MediaType.APPLICATION_JSON);
            if (body != null) {
                request = request.contentType(MediaType.APPLICATION_JSON).content(body);
            }
            var result = request.exchange();
            var text = new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
            assertThat(result.getResponse().getStatus()).as(method + " " + path + " " + body + " → " + text).isEqualTo(expected);
            return text.isEmpty() ? json.nullNode() : json.readTree(text);
        }
    }

    @Provide
    Arbitrary<List<Step>> histories() {
        var cents = Arbitraries.oneOf(Arbitraries.longs().between(1, 100), Arbitraries.longs().between(1, 50_000));
        var which = Arbitraries.integers().between(0, 100);
        var priority = Arbitraries.integers().between(1, 4).injectNull(0.4);
        Arbitrary<Step> newGoal = Combinators.combine(cents, priority).as(NewGoal::new);
        Arbitrary<Step> contribute = Combinators.combine(which, cents).as(Contribute::new);
        Arbitrary<Step> withdraw = Combinators.combine(which, cents).as(Withdraw::new);
        Arbitrary<Step> sweep = Combinators.combine(cents, Arbitraries.of(false, false, true)).as(Sweep::new);
        Arbitrary<Step> takeBack = cents.map(TakeBack::new);
        Arbitrary<Step> changeTarget = Combinators.combine(which, cents).as(ChangeTarget::new);
        Arbitrary<Step> deleteGoal = which.map(DeleteGoal::new);
        return Arbitraries.frequencyOf(Tuple.of(4, newGoal), Tuple.of(4, contribute), Tuple.of(4, withdraw), Tuple.of(5, sweep),
                        Tuple.of(3, takeBack), Tuple.of(2, changeTarget), Tuple.of(1, deleteGoal))
                .list().ofMinSize(1).ofMaxSize(25);
    }
}
