package dev.kitty.transaction.closing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kitty.budget.events.BudgetDeleted;
import dev.kitty.budget.events.BudgetEvents;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

/** {@code GET /api/budgets/{id}/months} and the operators' on-demand close. */
class MonthsIT extends ClosingTestSupport {

    @Test
    void listsClosedMonthsFrozenAndOpenMonthsCurrentNewestFirst() {
        var team = teamIn("UTC", "2022-01-10T00:00:00Z");
        goal(team.budget(), "Bike", "5000", 1);
        var salary = income(team, "1000", "2022-01-05");
        expense(team, "400", "2022-01-06");
        expense(team, "50.5", "2022-03-01");
        assertThat(closeAt("2022-02-01T00:00:00Z", team.budget())).hasSize(1);
        clock.set(utc("2022-03-15T00:00:00"));
        change(team, salary, "INCOME", "1100");
        // February closes too, at the clock of this call; March (current) stays open
        assertThat(closeAt("2022-03-15T00:00:00Z", team.budget())).hasSize(1);

        var page = expect(call(HttpMethod.GET, "/api/budgets/" + team.budget() + "/months", team.viewer(), null), HttpStatus.OK);
        var months = page.get("content");
        assertThat(page.get("page").get("totalElements").asLong()).isEqualTo(3);
        assertThat(months).hasSize(3);
        assertThat(months.get(0).get("month").asString()).isEqualTo("2022-03");
        assertThat(months.get(0).get("closed").asBoolean()).isFalse();
        assertThat(months.get(0).get("expense").asString()).isEqualTo("50.50");
        assertThat(months.get(0).get("net").asString()).isEqualTo("-50.50");
        assertThat(months.get(0).get("allocatedToGoals").asString()).isEqualTo("0.00");
        assertThat(months.get(1).get("month").asString()).isEqualTo("2022-02");
        assertThat(months.get(1).get("closed").asBoolean()).isTrue();
        assertThat(months.get(1).get("income").asString()).isEqualTo("0.00");
        assertThat(months.get(1).get("allocatedToGoals").asString()).as("January's adjustment, posted at February's close").isEqualTo("100.00");
        assertThat(months.get(2).get("month").asString()).isEqualTo("2022-01");
        assertThat(months.get(2).get("closed").asBoolean()).isTrue();
        assertThat(months.get(2).get("income").asString()).as("frozen at the close").isEqualTo("1000.00");
        assertThat(months.get(2).get("net").asString()).isEqualTo("600.00");
        assertThat(months.get(2).get("allocatedToGoals").asString()).isEqualTo("600.00");

        var second = expect(call(HttpMethod.GET, "/api/budgets/" + team.budget() + "/months?page=1&size=2", team.viewer(), null), HttpStatus.OK);
        assertThat(second.get("content")).hasSize(1);
        assertThat(second.get("content").get(0).get("month").asString()).isEqualTo("2022-01");
        var beyond = expect(call(HttpMethod.GET, "/api/budgets/" + team.budget() + "/months?page=5&size=2", team.viewer(), null), HttpStatus.OK);
        assertThat(beyond.get("content")).isEmpty();
    }

    @Test
    void aBudgetWithoutTransactionsHasNoMonthsYet() {
        var team = teamIn("UTC", "2022-01-10T00:00:00Z");
        var page = expect(call(HttpMethod.GET, "/api/budgets/" + team.budget() + "/months", team.viewer(), null), HttpStatus.OK);
        assertThat(page.get("content")).isEmpty();
    }

    @Test
    void anOperatorClosesOpenMonthsUpToOneOnDemandInOrderAndOnlyOnce() {
        var team = teamIn("UTC", "2023-01-10T00:00:00Z");
        income(team, "100", "2023-01-05");
        income(team, "200", "2023-02-05");
        income(team, "300", "2023-03-05");
        clock.set(utc("2023-03-10T12:00:00"));
        var operator = user("operator", "USER", "ADMIN");
        var path = "/api/budgets/" + team.budget() + "/months/";

        var closed = expect(call(HttpMethod.POST, path + "2023-03/close", operator, null), HttpStatus.OK);
        assertThat(closed).hasSize(3);
        assertThat(closed.get(0).get("month").asString()).isEqualTo("2023-01");
        assertThat(closed.get(2).get("month").asString()).isEqualTo("2023-03");
        assertThat(closed.get(2).get("income").asString()).isEqualTo("300.00");
        assertThat(jdbc.sql("SELECT count(*) FROM closed_month WHERE budget_id = :b AND closed_by = :u")
                .param("b", team.budget()).param("u", operator.id()).query(Long.class).single()).isEqualTo(3);

        var again = expect(call(HttpMethod.POST, path + "2023-02/close", operator, null), HttpStatus.CONFLICT);
        assertThat(again.get("type").asString()).endsWith("/month-already-closed");
        // the scheduler moves on from there: March is not closed a second time when it ends
        assertThat(closeAt("2023-04-01T00:00:00Z", team.budget())).isEmpty();
        assertThat(closeAt("2023-05-01T00:00:00Z", team.budget())).containsExactly(java.time.YearMonth.of(2023, 4));
    }

    @Test
    void anOperatorCannotCloseAMonthNotBegunOrOfABudgetThatDoesNotExist() {
        var team = teamIn("UTC", "2023-01-10T00:00:00Z");
        clock.set(utc("2023-03-10T12:00:00"));
        var operator = user("operator", "USER", "ADMIN");

        var future = expect(call(HttpMethod.POST, "/api/budgets/" + team.budget() + "/months/2023-04/close", operator, null), HttpStatus.BAD_REQUEST);
        assertThat(future.get("errors").get(0).get("field").asString()).isEqualTo("month");
        expect(call(HttpMethod.POST, "/api/budgets/" + UUID.randomUUID() + "/months/2023-01/close", operator, null), HttpStatus.NOT_FOUND);
        assertThat(closedMonths(team.budget())).isEmpty();
    }

    @Test
    void aDeletedBudgetTakesItsClosedMonthsAndCursorAlong() {
        var team = teamIn("UTC", "2023-06-10T00:00:00Z");
        income(team, "100", "2023-06-05");
        assertThat(closeAt("2023-07-01T00:00:00Z", team.budget())).hasSize(1);
        assertThat(rows("closed_month", team.budget())).isEqualTo(1);
        var event = new BudgetDeleted(team.budget(), "Household", team.owner().id(), List.of(team.owner().id()), Instant.now());

        var id = onKafka.send(BudgetEvents.BUDGET_DELETED, event);
        await().atMost(Duration.ofSeconds(30)).until(() -> rows("closed_month", team.budget()) == 0 && rows("month_close_cursor", team.budget()) == 0);
        onKafka.send(BudgetEvents.BUDGET_DELETED, event, id, team.budget().toString());
        assertThat(closeAt("2023-09-01T00:00:00Z", team.budget())).as("nothing of it comes back").isEmpty();
    }
}
