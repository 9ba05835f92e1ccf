package dev.kitty.transaction.closing;

import dev.kitty.transaction.RunningTransactionService;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.JsonNode;

/**
 * Budgets placed in the past (so that the shared context's other budgets, created "now", are never due at the
 * tests' clocks), transactions through the API, and the close of the test's budget at a given instant.
 */
abstract class ClosingTestSupport extends RunningTransactionService {

    @Autowired
    MonthClose monthClose;

    private final List<UUID> budgets = new ArrayList<>();

    /**
     * The test's budgets leave the close: a later test's clock (years later) would otherwise catch all their months
     * up whenever it closes every due budget.
     */
    @AfterEach
    void retireBudgets() {
        for (var budget : budgets) {
            jdbc.sql("DELETE FROM month_close_cursor WHERE budget_id = :b").param("b", budget).update();
            jdbc.sql("DELETE FROM budget_ref WHERE budget_id = :b").param("b", budget).update();
        }
        budgets.clear();
    }

    /** A team whose budget was created at {@code createdAt} in {@code zone}. */
    Team teamIn(String zone, String createdAt) {
        var team = team();
        budgets.add(team.budget());
        jdbc.sql("UPDATE budget_ref SET time_zone = :zone, created_at = :createdAt WHERE budget_id = :b")
                .param("zone", zone).param("createdAt", OffsetDateTime.parse(createdAt)).param("b", team.budget())
                .update();
        return team;
    }

    JsonNode income(Team team, String amount, String on) {
        return record(team.budget(), team.member(), "{\"type\": \"INCOME\", \"amount\": \"%s\", \"occurredOn\": \"%s\"}".formatted(amount, on));
    }

    JsonNode expense(Team team, String amount, String on) {
        return record(team.budget(), team.member(), "{\"type\": \"EXPENSE\", \"amount\": \"%s\", \"occurredOn\": \"%s\"}".formatted(amount, on));
    }

    void change(Team team, JsonNode transaction, String type, String amount) {
        expect(call(HttpMethod.PUT, transactions(team.budget()) + "/" + transaction.get("id").asString(), team.admin(),
                "{\"type\": \"%s\", \"amount\": \"%s\", \"occurredOn\": \"%s\"}".formatted(type, amount, transaction.get("occurredOn").asString())),
                HttpStatus.OK);
    }

    /** Sets the clock and closes what is due; the months closed of {@code budget}, in order. */
    List<YearMonth> closeAt(String instant, UUID budget) {
        clock.set(Instant.parse(instant));
        return monthClose.closeDueMonths(Set.of(budget)).stream().map(MonthClose.Closed::month).toList();
    }

    record ClosedMonthRow(YearMonth month, BigDecimal income, BigDecimal expense, BigDecimal net, BigDecimal accounted,
            BigDecimal allocated, Instant closedAt) {}

    List<ClosedMonthRow> closedMonths(UUID budget) {
        return jdbc.sql("SELECT month, income, expense, net, accounted_surplus, allocated_to_goals, closed_at FROM closed_month WHERE budget_id = :b ORDER BY month")
                .param("b", budget)
                .query((rs, n) -> new ClosedMonthRow(YearMonth.from(rs.getObject(1, java.time.LocalDate.class)), rs.getBigDecimal(2),
                        rs.getBigDecimal(3), rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getBigDecimal(6),
                        rs.getObject(7, OffsetDateTime.class).toInstant()))
                .list();
    }

    /** A goal, as the goals API would make it (created now, so that goals of equal priority keep their order). */
    UUID goal(UUID budget, String name, String target, int priority) {
        var id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO goal (id, budget_id, name, currency, target_amount, priority, created_at, updated_at)
                VALUES (:id, :b, :name, 'EUR', :target, :priority, clock_timestamp(), clock_timestamp())
                """)
                .param("id", id).param("b", budget).param("name", name).param("target", new BigDecimal(target)).param("priority", priority)
                .update();
        return id;
    }

    /** A goal's savings: the sum of its entries. */
    BigDecimal saved(UUID goal) {
        return jdbc.sql("SELECT coalesce(sum(amount), 0) FROM goal_entry WHERE goal_id = :g").param("g", goal).query(BigDecimal.class).single();
    }

    /** The goal's entries of one kind, oldest first: {@code month amount}. */
    List<String> entries(UUID goal, String kind) {
        return jdbc.sql("SELECT to_char(month, 'YYYY-MM') || ' ' || trim_scale(amount) FROM goal_entry WHERE goal_id = :g AND kind = :k ORDER BY created_at, month")
                .param("g", goal).param("k", kind).query(String.class).list();
    }

    static Instant utc(String localDateTime) {
        return java.time.LocalDateTime.parse(localDateTime).toInstant(ZoneOffset.UTC);
    }
}
