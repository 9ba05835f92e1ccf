package dev.kitty.transaction.recurring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kitty.budget.events.BudgetDeleted;
import dev.kitty.transaction.RunningTransactionService;
import dev.kitty.transaction.ledger.TransactionWritten;
import dev.kitty.transaction.ledger.TransactionSnapshot;
import dev.kitty.user.events.UserDeleted;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.JsonNode;

/**
 * Recurring rules through the API and the scheduler's posting method, driven by the test clock: their lifecycle and
 * rules, each occurrence posted once through the ledger (rollups, outbox), catch-up, month ends and end dates.
 */
class RecurringIT extends RunningTransactionService {

    @Autowired
    RecurringPostings postings;

    @Autowired
    RecurringCascades cascades;

    static String recurring(UUID budget) {
        return "/api/budgets/" + budget + "/recurring";
    }

    /** Noon UTC of the day. */
    void today(String date) {
        clock.set(Instant.parse(date + "T12:00:00Z"));
    }

    JsonNode createRule(UUID budget, User caller, String body) {
        return expect(call(HttpMethod.POST, recurring(budget), caller, body), HttpStatus.CREATED);
    }

    List<TransactionSnapshot> postedIn(UUID budget) {
        return postings.postDueOccurrences().stream().filter(t -> t.budgetId().equals(budget)).toList();
    }

    List<LocalDate> occurrencesOf(String ruleId) {
        return jdbc.sql("SELECT occurred_on FROM ledger_transaction WHERE recurring_rule_id = :r ORDER BY occurred_on")
                .param("r", UUID.fromString(ruleId)).query(LocalDate.class).list();
    }

    @Test
    void createsReadsChangesAndDeletesARuleWithETags() {
        today("2027-03-10");
        var team = team();
        var rent = category(team.budget(), team.admin(), "Rent", "EXPENSE");

        var created = call(HttpMethod.POST, recurring(team.budget()), team.member(), """
                {"type": "EXPENSE", "amount": "850", "categoryId": "%s", "description": "Flat", "frequency": "MONTHLY", "interval": 1,
                 "startOn": "2027-04-01", "endOn": "2027-12-31"}
                """.formatted(rent));
        var body = expect(created, HttpStatus.CREATED);
        var id = body.get("id").asString();
        var path = recurring(team.budget()) + "/" + id;
        assertThat(created.getResponse().getHeader("ETag")).isEqualTo("\"1\"");
        assertThat(created.getResponse().getHeader("Location")).isEqualTo(path);
        assertThat(body.get("amount").asString()).isEqualTo("850.00");
        assertThat(body.get("currency").asString()).isEqualTo("EUR");
        assertThat(body.get("frequency").asString()).isEqualTo("MONTHLY");
        assertThat(body.get("interval").asInt()).isEqualTo(1);
        assertThat(body.get("startOn").asString()).isEqualTo("2027-04-01");
        assertThat(body.get("endOn").asString()).isEqualTo("2027-12-31");
        assertThat(body.get("nextOccurrence").asString()).isEqualTo("2027-04-01");
        assertThat(body.get("createdBy").asString()).isEqualTo(team.member().id().toString());

        var read = call(HttpMethod.GET, path, team.viewer(), null);
        assertThat(expect(read, HttpStatus.OK).get("description").asString()).isEqualTo("Flat");
        assertThat(read.getResponse().getHeader("ETag")).isEqualTo("\"1\"");
        var list = expect(call(HttpMethod.GET, recurring(team.budget()) + "?size=5", team.viewer(), null), HttpStatus.OK);
        assertThat(list.get("content")).hasSize(1);
        assertThat(list.get("page").get("totalElements").asLong()).isEqualTo(1);

        var changed = call(HttpMethod.PATCH, path, team.member(), """
                {"amount": "900.5", "description": null, "endOn": null, "startOn": "2027-04-03"}
                """, "If-Match", "\"1\"");
        var after = expect(changed, HttpStatus.OK);
        assertThat(changed.getResponse().getHeader("ETag")).isEqualTo("\"2\"");
        assertThat(after.get("amount").asString()).isEqualTo("900.50");
        assertThat(after.get("description").isNull()).isTrue();
        assertThat(after.get("endOn").isNull()).isTrue();
        assertThat(after.get("categoryId").asString()).isEqualTo(rent.toString());
        assertThat(after.get("nextOccurrence").asString()).isEqualTo("2027-04-03");

        // a stale tag changes nothing
        expect(call(HttpMethod.PATCH, path, team.member(), "{\"amount\": 1}", "If-Match", "\"1\""), HttpStatus.PRECONDITION_FAILED);
        expect(call(HttpMethod.DELETE, path, team.member(), null, "If-Match", "\"1\""), HttpStatus.PRECONDITION_FAILED);

        expect(call(HttpMethod.DELETE, path, team.member(), null, "If-Match", "\"2\""), HttpStatus.NO_CONTENT);
        expect(call(HttpMethod.GET, path, team.member(), null), HttpStatus.NOT_FOUND);
        assertThat(rows("recurring_rule", team.budget())).isZero();
    }

    @Test
    void aMemberChangesOnlyTheirOwnRulesAndAnAdminAnyone() {
        today("2027-03-10");
        var team = team();
        var other = user("other");
        memberInReplica(team.budget(), other, "MEMBER");
        var path = recurring(team.budget()) + "/" + createRule(team.budget(), team.member(), """
                {"type": "INCOME", "amount": "10", "frequency": "WEEKLY", "interval": 2, "startOn": "2027-03-10"}
                """).get("id").asString();

        expect(call(HttpMethod.PATCH, path, other, "{\"amount\": 11}"), HttpStatus.FORBIDDEN);
        expect(call(HttpMethod.DELETE, path, other, null), HttpStatus.FORBIDDEN);
        expect(call(HttpMethod.PATCH, path, team.viewer(), "{\"amount\": 11}"), HttpStatus.FORBIDDEN);
        assertThat(expect(call(HttpMethod.PATCH, path, team.admin(), "{\"amount\": 12}"), HttpStatus.OK).get("updatedBy").asString())
                .isEqualTo(team.admin().id().toString());
        expect(call(HttpMethod.DELETE, path, team.owner(), null), HttpStatus.NO_CONTENT);
    }

    @Test
    void anotherBudgetsRuleIsNotFoundThroughMyBudget() {
        today("2027-03-10");
        var mine = team();
        var theirs = team();
        var theirRule = createRule(theirs.budget(), theirs.member(), """
                {"type": "INCOME", "amount": "10", "frequency": "MONTHLY", "interval": 1, "startOn": "2027-03-10"}
                """).get("id").asString();
        var path = recurring(mine.budget()) + "/" + theirRule;

        expect(call(HttpMethod.GET, path, mine.owner(), null), HttpStatus.NOT_FOUND);
        expect(call(HttpMethod.PATCH, path, mine.owner(), "{\"amount\": 1}"), HttpStatus.NOT_FOUND);
        expect(call(HttpMethod.DELETE, path, mine.owner(), null), HttpStatus.NOT_FOUND);
        assertThat(rows("recurring_rule", theirs.budget())).isEqualTo(1);
    }

    static Stream<Arguments> badRules() {
        return Stream.of(
                Arguments.of("{\"type\": \"EXPENSE\", \"amount\": \"0\", \"frequency\": \"MONTHLY\", \"interval\": 1, \"startOn\": \"2027-03-10\"}", "amount"),
                Arguments.of("{\"type\": \"EXPENSE\", \"amount\": \"-5\", \"frequency\": \"MONTHLY\", \"interval\": 1, \"startOn\": \"2027-03-10\"}", "amount"),
                Arguments.of("{\"type\": \"EXPENSE\", \"amount\": \"1.234\", \"frequency\": \"MONTHLY\", \"interval\": 1, \"startOn\": \"2027-03-10\"}", "amount"),
                Arguments.of("{\"type\": \"EXPENSE\", \"amount\": \"1e30\", \"frequency\": \"MONTHLY\", \"interval\": 1, \"startOn\": \"2027-03-10\"}", "amount"),
                Arguments.of("{\"type\": \"EXPENSE\", \"amount\": \"5\", \"frequency\": \"MONTHLY\", \"interval\": 0, \"startOn\": \"2027-03-10\"}", "interval"),
                Arguments.of("{\"type\": \"EXPENSE\", \"amount\": \"5\", \"frequency\": \"MONTHLY\", \"interval\": 13, \"startOn\": \"2027-03-10\"}", "interval"),
                Arguments.of("{\"type\": \"EXPENSE\", \"amount\": \"5\", \"frequency\": \"WEEKLY\", \"interval\": 53, \"startOn\": \"2027-03-10\"}", "interval"),
                Arguments.of("{\"type\": \"EXPENSE\", \"amount\": \"5\", \"frequency\": \"YEARLY\", \"interval\": 11, \"startOn\": \"2027-03-10\"}", "interval"),
                Arguments.of("{\"type\": \"EXPENSE\", \"amount\": \"5\", \"frequency\": \"MONTHLY\", \"interval\": 1, \"startOn\": \"2027-03-10\", \"endOn\": \"2027-03-09\"}", "endOn"),
                Arguments.of("{\"type\": \"EXPENSE\", \"amount\": \"5\", \"frequency\": \"MONTHLY\", \"interval\": 1, \"startOn\": \"2027-03-10\", \"endOn\": \"2200-01-01\"}", "endOn"),
                Arguments.of("{\"type\": \"EXPENSE\", \"amount\": \"5\", \"frequency\": \"MONTHLY\", \"interval\": 1, \"startOn\": \"2025-01-01\"}", "startOn"),
                Arguments.of("{\"type\": \"EXPENSE\", \"amount\": \"5\", \"frequency\": \"MONTHLY\", \"interval\": 1, \"startOn\": \"2040-01-01\"}", "startOn"),
                Arguments.of("{\"type\": \"EXPENSE\", \"amount\": \"5\", \"frequency\": \"MONTHLY\", \"interval\": 1, \"startOn\": \"2027-03-10\", \"categoryId\": \"%s\"}".formatted(UUID.randomUUID()), "categoryId"),
                Arguments.of("{\"type\": \"EXPENSE\", \"amount\": \"5\", \"frequency\": \"MONTHLY\", \"interval\": 1, \"startOn\": \"2027-03-10\", \"categoryId\": \"INCOME_CATEGORY\"}", "categoryId"),
                Arguments.of("{\"type\": \"EXPENSE\", \"amount\": \"5\", \"frequency\": \"MONTHLY\", \"interval\": 1, \"startOn\": \"2027-03-10\", \"description\": \"a\\u0000b\"}", "description"),
                Arguments.of("{\"type\": \"EXPENSE\", \"amount\": \"5\", \"frequency\": \"MONTHLY\", \"interval\": 1, \"startOn\": \"2027-03-10\", \"description\": \"%s\"}".formatted("x".repeat(501)), "description"),
                Arguments.of("{\"type\": \"EXPENSE\", \"amount\": \"5\", \"frequency\": \"DAILY\", \"interval\": 1, \"startOn\": \"2027-03-10\"}", null),
                Arguments.of("{\"type\": \"EXPENSE\", \"amount\": \"5\", \"frequency\": \"MONTHLY\", \"interval\": 1, \"startOn\": \"2027-02-30\"}", null),
                Arguments.of("{\"type\": \"EXPENSE\", \"amount\": \"5\", \"frequency\": \"MONTHLY\", \"interval\": 1}", "startOn"),
                Arguments.of("{\"type\": \"EXPENSE\", \"frequency\": \"MONTHLY\", \"interval\": 1, \"startOn\": \"2027-03-10\"}", "amount"),
                Arguments.of("{\"type\": \"EXPENSE\", \"amount\": \"5\", \"frequency\": \"MONTHLY\", \"startOn\": \"2027-03-10\"}", "interval"),
                Arguments.of("{\"type\": \"EXPENSE\", \"amount\": \"5\", \"frequency\": \"MONTHLY\", \"interval\": 99999999999, \"startOn\": \"2027-03-10\"}", null),
                Arguments.of("not json", null));
    }

    @ParameterizedTest(name = "[{index}] {0} → 400 on {1}")
    @MethodSource("badRules")
    void refusesABadRuleAndChangesNothing(String body, String field) {
        today("2027-03-10");
        var team = team();
        var salary = category(team.budget(), team.admin(), "Salary", "INCOME");

        var problem = expect(call(HttpMethod.POST, recurring(team.budget()), team.member(), body.replace("INCOME_CATEGORY", salary.toString())),
                HttpStatus.BAD_REQUEST);

        if (field != null) {
            assertThat(problem.get("errors").findValuesAsString("field")).contains(field);
        }
        assertThat(rows("recurring_rule", team.budget())).isZero();
    }

    @Test
    void aBadChangeChangesNothing() {
        today("2027-03-10");
        var team = team();
        var salary = category(team.budget(), team.admin(), "Salary", "INCOME");
        var path = recurring(team.budget()) + "/" + createRule(team.budget(), team.member(), """
                {"type": "EXPENSE", "amount": "10", "frequency": "MONTHLY", "interval": 1, "startOn": "2027-03-10"}
                """).get("id").asString();

        for (var change : List.of("{\"categoryId\": \"" + salary + "\"}", "{\"interval\": 13}", "{\"endOn\": \"2027-03-09\"}",
                "{\"amount\": \"0.001\"}", "{\"frequency\": \"HOURLY\"}", "{\"startOn\": \"2020-01-01\"}")) {
            expect(call(HttpMethod.PATCH, path, team.member(), change), HttpStatus.BAD_REQUEST);
        }
        var unchanged = expect(call(HttpMethod.GET, path, team.member(), null), HttpStatus.OK);
        assertThat(unchanged.get("version").asLong()).isEqualTo(1);
        assertThat(unchanged.get("amount").asString()).isEqualTo("10.00");
    }

    @Test
    void postsEachOccurrenceOnceThroughTheLedgerLinkedToItsRule() {
        today("2027-03-10");
        var team = team();
        var rent = category(team.budget(), team.admin(), "Rent", "EXPENSE");
        var rule = createRule(team.budget(), team.member(), """
                {"type": "EXPENSE", "amount": "850", "categoryId": "%s", "description": "Flat", "frequency": "MONTHLY", "interval": 1,
                 "startOn": "2027-03-10"}
                """.formatted(rent)).get("id").asString();

        var posted = postedIn(team.budget());

        assertThat(posted).singleElement().satisfies(transaction -> {
            assertThat(transaction.occurredOn()).isEqualTo(LocalDate.parse("2027-03-10"));
            assertThat(transaction.recurringRuleId()).hasToString(rule);
            assertThat(transaction.createdBy()).isEqualTo(team.member().id());
        });
        assertThat(postedIn(team.budget())).isEmpty();
        assertThat(occurrencesOf(rule)).containsExactly(LocalDate.parse("2027-03-10"));
        // the rollups heard of it once
        assertThat(domainEvents.of(TransactionWritten.class)).filteredOn(written -> written.budgetId().equals(team.budget()))
                .singleElement().satisfies(written -> {
                    assertThat(written.before()).isNull();
                    assertThat(written.after().transactionId()).isEqualTo(posted.getFirst().id());
                });

        // the listing shows it with its rule; the summary counts it
        var listed = expect(call(HttpMethod.GET, transactions(team.budget()), team.viewer(), null), HttpStatus.OK).get("content");
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("recurringRuleId").asString()).isEqualTo(rule);
        assertThat(listed.get(0).get("description").asString()).isEqualTo("Flat");
        assertThat(listed.get(0).get("categoryId").asString()).isEqualTo(rent.toString());
        var summary = expect(call(HttpMethod.GET, "/api/budgets/" + team.budget() + "/summary?from=2027-03-01&to=2027-03-31", team.viewer(), null),
                HttpStatus.OK);
        assertThat(summary.get("expense").asString()).isEqualTo("850.00");
        var ruleNow = expect(call(HttpMethod.GET, recurring(team.budget()) + "/" + rule, team.viewer(), null), HttpStatus.OK);
        assertThat(ruleNow.get("nextOccurrence").asString()).isEqualTo("2027-04-10");
        assertThat(ruleNow.get("version").asLong()).isEqualTo(1);

        // the outbox carries it to other services
        var events = transactionEvents(team.budget(), event -> event.toString().contains(posted.getFirst().id().toString()));
        assertThat(events).anySatisfy(event -> assertThat(event.toString()).contains(posted.getFirst().id().toString()));
    }

    @Test
    void catchesUpThreeMissedMonthsInOrderAndNeverTwice() {
        today("2027-01-15");
        var team = team();
        var rule = createRule(team.budget(), team.member(), """
                {"type": "INCOME", "amount": "2000", "frequency": "MONTHLY", "interval": 1, "startOn": "2027-01-15"}
                """).get("id").asString();
        assertThat(postedIn(team.budget())).hasSize(1);

        // the service was down from mid-January to mid-April
        today("2027-04-20");
        var posted = postedIn(team.budget());

        assertThat(posted).extracting(TransactionSnapshot::occurredOn)
                .containsExactly(LocalDate.parse("2027-02-15"), LocalDate.parse("2027-03-15"), LocalDate.parse("2027-04-15"));
        assertThat(postedIn(team.budget())).isEmpty();
        assertThat(occurrencesOf(rule)).hasSize(4);
        var summary = expect(call(HttpMethod.GET, "/api/budgets/" + team.budget() + "/summary?from=2027-01-01&to=2027-04-30", team.viewer(), null),
                HttpStatus.OK);
        assertThat(summary.get("income").asString()).isEqualTo("8000.00");
    }

    @Test
    void aRuleOnThe31stPostsOnEachMonthsLastDay() {
        today("2027-01-31");
        var team = team();
        var rule = createRule(team.budget(), team.member(), """
                {"type": "EXPENSE", "amount": "5", "frequency": "MONTHLY", "interval": 1, "startOn": "2027-01-31"}
                """).get("id").asString();
        var dates = new ArrayList<LocalDate>();
        // the scheduler runs every day from the end of January to the end of June
        for (var day = LocalDate.parse("2027-01-31"); !day.isAfter(LocalDate.parse("2027-06-30")); day = day.plusDays(1)) {
            today(day.toString());
            postedIn(team.budget()).forEach(transaction -> dates.add(transaction.occurredOn()));
        }

        assertThat(dates).containsExactly(LocalDate.parse("2027-01-31"), LocalDate.parse("2027-02-28"), LocalDate.parse("2027-03-31"),
                LocalDate.parse("2027-04-30"), LocalDate.parse("2027-05-31"), LocalDate.parse("2027-06-30"));
        assertThat(occurrencesOf(rule)).isEqualTo(dates);
    }

    @Test
    void anOccurrenceIsDueOnItsDayNotBefore() {
        today("2027-02-27");
        var team = team();
        createRule(team.budget(), team.member(), """
                {"type": "EXPENSE", "amount": "5", "frequency": "WEEKLY", "interval": 1, "startOn": "2027-02-28"}
                """);

        assertThat(postedIn(team.budget())).isEmpty();
        clock.set(Instant.parse("2027-02-27T23:59:59Z"));
        assertThat(postedIn(team.budget())).isEmpty();
        clock.set(Instant.parse("2027-02-28T00:00:00Z"));
        assertThat(postedIn(team.budget())).extracting(TransactionSnapshot::occurredOn).containsExactly(LocalDate.parse("2027-02-28"));
    }

    @Test
    void anOccurrenceIsDueOnItsDayInTheBudgetsTimeZone() {
        today("2027-02-26");
        var team = team();
        // Auckland is UTC+13 in February: its 28th begins at 11:00 UTC on the 27th
        jdbc.sql("UPDATE budget_ref SET time_zone = 'Pacific/Auckland' WHERE budget_id = :budget").param("budget", team.budget()).update();
        createRule(team.budget(), team.member(), """
                {"type": "EXPENSE", "amount": "5", "frequency": "WEEKLY", "interval": 1, "startOn": "2027-02-28"}
                """);

        clock.set(Instant.parse("2027-02-27T10:59:59Z"));
        assertThat(postedIn(team.budget())).isEmpty();
        clock.set(Instant.parse("2027-02-27T11:00:00Z"));
        assertThat(postedIn(team.budget())).extracting(TransactionSnapshot::occurredOn).containsExactly(LocalDate.parse("2027-02-28"));
    }

    @Test
    void theEndDateStopsARule() {
        today("2027-03-01");
        var team = team();
        var rule = createRule(team.budget(), team.member(), """
                {"type": "EXPENSE", "amount": "5", "frequency": "WEEKLY", "interval": 1, "startOn": "2027-03-01", "endOn": "2027-03-20"}
                """).get("id").asString();

        today("2027-06-01");
        assertThat(postedIn(team.budget())).extracting(TransactionSnapshot::occurredOn).containsExactly(LocalDate.parse("2027-03-01"),
                LocalDate.parse("2027-03-08"), LocalDate.parse("2027-03-15"));
        assertThat(expect(call(HttpMethod.GET, recurring(team.budget()) + "/" + rule, team.viewer(), null), HttpStatus.OK)
                .get("nextOccurrence").isNull()).isTrue();

        // moving the end later resumes it after the last posted occurrence, never posting one twice
        expect(call(HttpMethod.PATCH, recurring(team.budget()) + "/" + rule, team.member(), "{\"endOn\": \"2027-03-29\"}"), HttpStatus.OK);
        assertThat(postedIn(team.budget())).extracting(TransactionSnapshot::occurredOn).containsExactly(LocalDate.parse("2027-03-22"),
                LocalDate.parse("2027-03-29"));
    }

    @Test
    void aChangeNeverRepostsAnOccurrenceAMemberDeleted() {
        today("2027-03-01");
        var team = team();
        var rule = createRule(team.budget(), team.member(), """
                {"type": "EXPENSE", "amount": "5", "frequency": "MONTHLY", "interval": 1, "startOn": "2027-03-01"}
                """).get("id").asString();
        var posted = postedIn(team.budget()).getFirst();
        expect(call(HttpMethod.DELETE, transactions(team.budget()) + "/" + posted.id(), team.member(), null), HttpStatus.NO_CONTENT);

        var changed = expect(call(HttpMethod.PATCH, recurring(team.budget()) + "/" + rule, team.member(), "{\"amount\": 6}"), HttpStatus.OK);

        assertThat(changed.get("nextOccurrence").asString()).isEqualTo("2027-04-01");
        assertThat(postedIn(team.budget())).isEmpty();
        assertThat(occurrencesOf(rule)).isEmpty();
    }

    @Test
    void deletingARuleKeepsItsTransactions() {
        today("2027-03-01");
        var team = team();
        var rule = createRule(team.budget(), team.member(), """
                {"type": "EXPENSE", "amount": "5", "frequency": "MONTHLY", "interval": 1, "startOn": "2027-03-01"}
                """).get("id").asString();
        var posted = postedIn(team.budget()).getFirst();

        expect(call(HttpMethod.DELETE, recurring(team.budget()) + "/" + rule, team.admin(), null), HttpStatus.NO_CONTENT);

        var transaction = expect(call(HttpMethod.GET, transactions(team.budget()) + "/" + posted.id(), team.viewer(), null), HttpStatus.OK);
        assertThat(transaction.get("recurringRuleId").isNull()).isTrue();
        today("2027-05-01");
        assertThat(postedIn(team.budget())).isEmpty();
    }

    @Test
    void aDeletedCategoryLeavesTheRuleUncategorised() {
        today("2027-03-01");
        var team = team();
        var rent = category(team.budget(), team.admin(), "Rent", "EXPENSE");
        var rule = createRule(team.budget(), team.member(), """
                {"type": "EXPENSE", "amount": "5", "categoryId": "%s", "frequency": "MONTHLY", "interval": 1, "startOn": "2027-03-01"}
                """.formatted(rent)).get("id").asString();

        expect(call(HttpMethod.DELETE, categories(team.budget()) + "/" + rent, team.admin(), null), HttpStatus.NO_CONTENT);

        assertThat(expect(call(HttpMethod.GET, recurring(team.budget()) + "/" + rule, team.viewer(), null), HttpStatus.OK).get("categoryId")
                .isNull()).isTrue();
        assertThat(postedIn(team.budget())).singleElement().satisfies(transaction -> assertThat(transaction.categoryId()).isNull());
    }

    @Test
    void aDeletedAccountsRulesKeepPostingWithoutAnAuthorAndADeletedBudgetsRulesGo() {
        today("2027-03-01");
        var team = team();
        var rule = createRule(team.budget(), team.member(), """
                {"type": "EXPENSE", "amount": "5", "frequency": "MONTHLY", "interval": 1, "startOn": "2027-03-01"}
                """).get("id").asString();

        cascades.on(new UserDeleted(team.member().id(), Instant.parse("2027-03-01T10:00:00Z")));
        cascades.on(new UserDeleted(team.member().id(), Instant.parse("2027-03-01T10:00:00Z")));

        var after = expect(call(HttpMethod.GET, recurring(team.budget()) + "/" + rule, team.viewer(), null), HttpStatus.OK);
        assertThat(after.get("createdBy").isNull()).isTrue();
        assertThat(after.get("updatedBy").isNull()).isTrue();
        assertThat(postedIn(team.budget())).singleElement().satisfies(transaction -> assertThat(transaction.createdBy()).isNull());
        // a former member's rule is an ADMIN+'s to change
        expect(call(HttpMethod.PATCH, recurring(team.budget()) + "/" + rule, team.admin(), "{\"amount\": 6}"), HttpStatus.OK);

        cascades.on(new BudgetDeleted(team.budget(), "Home", team.owner().id(), List.of(), Instant.parse("2027-03-02T10:00:00Z")));

        assertThat(rows("recurring_rule", team.budget())).isZero();
    }
}
