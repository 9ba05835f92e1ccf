package dev.kitty.transaction.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.kitty.budget.events.BudgetDeleted;
import dev.kitty.budget.events.BudgetEvents;
import dev.kitty.transaction.RunningTransactionService;
import dev.kitty.transaction.ledger.TransactionType;
import dev.kitty.transaction.ledger.TransactionWritten;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** Alerts raised by real writes (API and CSV import), read from {@code transaction.events} on Kafka. */
class AlertIT extends RunningTransactionService {

    private static final String ALERT = "kitty.budget.alert-raised.v1";
    private static final String OVER_LIMIT = "CATEGORY_OVER_LIMIT";
    private static final String BELOW_ZERO = "BALANCE_BELOW_ZERO";

    @Autowired
    private TransactionTemplate transactions;

    @Autowired
    private ApplicationEventPublisher events;

    @Test
    void aCategoryOverItsLimitAlertsOncePerMonthAndAgainTheNextMonth() {
        var team = team();
        var food = limitedCategory(team, "Food", "100");
        expense(team, "60", "2026-03-02", food);
        expense(team, "40", "2026-03-03", food); // exactly the limit is not over it
        var over = expense(team, "0.01", "2026-03-04", food);
        expense(team, "25", "2026-03-05", food);
        // back under the limit and over again: still the same month's alert
        expect(call(HttpMethod.DELETE, transactions(team.budget()) + "/" + over, team.member(), null), HttpStatus.NO_CONTENT);
        expense(team, "30", "2026-03-06", food);
        expense(team, "150", "2026-04-01", food);

        var alerts = alerts(team.budget(), OVER_LIMIT, a -> a.get("month").asString().equals("2026-04"));

        assertThat(alerts).extracting(a -> a.get("month").asString()).containsExactly("2026-03", "2026-04");
        var march = alerts.getFirst();
        assertThat(march.get("budgetId").asString()).isEqualTo(team.budget().toString());
        assertThat(march.get("kind").asString()).isEqualTo("CATEGORY_OVER_LIMIT");
        assertThat(march.get("categoryId").asString()).isEqualTo(food.toString());
        assertThat(march.get("categoryName").asString()).isEqualTo("Food");
        assertThat(march.get("amount").asString()).isEqualTo("100.01");
        assertThat(march.get("limit").asString()).isEqualTo("100.00");
        assertThat(march.get("currency").asString()).isEqualTo("EUR");
        assertThat(alerts.getLast().get("amount").asString()).isEqualTo("150.00");
        // and the balance went below zero in both months (no income): one alert of that kind each
        assertThat(raised(team.budget())).isEqualTo(4);
    }

    @Test
    void theBudgetsBalanceBelowZeroAlertsOncePerMonthWithTheBalance() {
        var team = team("JPY");
        income(team, "1000", "2026-05-01");
        expense(team, "999", "2026-05-02", null);
        expense(team, "300", "2026-05-03", null);
        expense(team, "50", "2026-05-04", null);
        // an income in April lifts the balance of May (and of June) above zero again: May stays alerted once
        income(team, "5000", "2026-04-30");
        // June starts with the balance April and May left (4,651): a month's own net below zero is no alert
        expense(team, "4000", "2026-06-01", null);
        // this one takes the balance below zero again: June's alert, the marker
        expense(team, "1000", "2026-06-02", null);

        var alerts = alerts(team.budget(), BELOW_ZERO, a -> a.get("month").asString().equals("2026-06"));

        assertThat(alerts).extracting(a -> a.get("month").asString()).containsExactly("2026-05", "2026-06");
        var may = alerts.getFirst();
        assertThat(may.get("kind").asString()).isEqualTo("BALANCE_BELOW_ZERO");
        assertThat(may.get("amount").asString()).isEqualTo("-299");
        assertThat(may.get("limit").asString()).isEqualTo("0");
        assertThat(may.get("currency").asString()).isEqualTo("JPY");
        assertThat(may.path("categoryId").isMissingNode() || may.get("categoryId").isNull()).isTrue();
        assertThat(alerts.getLast().get("amount").asString()).isEqualTo("-349");
    }

    @Test
    void aCsvImportOverTheLimitRaisesOneAlert() {
        var team = team();
        var food = limitedCategory(team, "Food", "50");
        income(team, "10000", "2026-07-01");
        var file = new StringBuilder("type,amount,occurredOn,category\n");
        for (int day = 1; day <= 20; day++) {
            file.append("EXPENSE,10.00,2026-07-%02d,Food\n".formatted(day));
        }
        var result = mvc.post().uri(transactions(team.budget()) + "/import").header(HttpHeaders.AUTHORIZATION, "Bearer " + team.member().token())
                .contentType("text/csv").content(file.toString().getBytes(StandardCharsets.UTF_8)).accept(MediaType.APPLICATION_JSON).exchange();
        assertThat(expect(result, HttpStatus.OK).get("imported").asInt()).isEqualTo(20);
        expense(team, "60", "2026-08-01", food);

        // the import's outbox and the later write's are sent independently after their commits: wait for both, in any order
        var seen = new java.util.concurrent.atomic.AtomicInteger();
        var alerts = alerts(team.budget(), OVER_LIMIT, a -> seen.incrementAndGet() == 2);

        assertThat(alerts).extracting(a -> a.get("month").asString()).containsExactlyInAnyOrder("2026-07", "2026-08");
        var july = alerts.stream().filter(a -> a.get("month").asString().equals("2026-07")).findFirst().orElseThrow();
        assertThat(july.get("amount").asString()).isEqualTo("200.00");
        assertThat(july.get("limit").asString()).isEqualTo("50.00");
    }

    @Test
    void aRolledBackWriteRaisesNothingAndLeavesTheAlertToTheNextWrite() {
        var team = team();
        var food = limitedCategory(team, "Food", "10");
        var entry = new TransactionWritten.Entry(UUID.randomUUID(), TransactionType.EXPENSE, new BigDecimal("20"),
                LocalDate.parse("2026-09-01"), food, team.member().id());

        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            events.publishEvent(new TransactionWritten(team.budget(), null, entry));
            throw new IllegalStateException("the write fails after its events");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(raised(team.budget())).isZero();
        assertThat(rows("monthly_rollup", team.budget())).isZero();
        expense(team, "11", "2026-09-02", food);
        var alerts = alerts(team.budget(), OVER_LIMIT, a -> true);
        assertThat(alerts).hasSize(1);
        assertThat(alerts.getFirst().get("amount").asString()).isEqualTo("11.00");
    }

    @Test
    void eightConcurrentWritesOverTheLimitRaiseOneAlert() throws Exception {
        var team = team();
        var food = limitedCategory(team, "Food", "10");
        income(team, "1000", "2026-11-01");
        var tasks = new ArrayList<Callable<String>>();
        for (int i = 0; i < 8; i++) {
            tasks.add(() -> expense(team, "11", "2026-11-02", food));
        }
        try (var pool = Executors.newFixedThreadPool(8)) {
            for (var future : pool.invokeAll(tasks)) {
                assertThat(future.get()).isNotBlank();
            }
        }
        expense(team, "11", "2026-12-01", food);

        var alerts = alerts(team.budget(), OVER_LIMIT, a -> a.get("month").asString().equals("2026-12"));

        assertThat(alerts).extracting(a -> a.get("month").asString()).containsExactly("2026-11", "2026-12");
        assertThat(new BigDecimal(alerts.getFirst().get("amount").asString())).isGreaterThan(new BigDecimal("10"));
    }

    @Test
    void aDeletedBudgetTakesItsRaisedAlertsAlong() {
        var team = team();
        expense(team, "1", "2026-10-01", null);
        assertThat(raised(team.budget())).isEqualTo(1);

        onKafka.send(BudgetEvents.BUDGET_DELETED, new BudgetDeleted(team.budget(), "Household", team.owner().id(),
                List.of(team.owner().id()), Instant.now()));

        await().atMost(Duration.ofSeconds(30)).until(() -> raised(team.budget()) == 0);
    }

    private UUID limitedCategory(Team team, String name, String limit) {
        var created = expect(call(HttpMethod.POST, categories(team.budget()), team.admin(),
                "{\"name\": \"%s\", \"type\": \"EXPENSE\", \"monthlyLimit\": \"%s\"}".formatted(name, limit)), HttpStatus.CREATED);
        return UUID.fromString(created.get("id").asString());
    }

    private String expense(Team team, String amount, String on, UUID category) {
        var categoryField = category == null ? "" : ", \"categoryId\": \"" + category + "\"";
        return record(team.budget(), team.member(), "{\"type\": \"EXPENSE\", \"amount\": \"%s\", \"occurredOn\": \"%s\"%s}"
                .formatted(amount, on, categoryField)).get("id").asString();
    }

    private void income(Team team, String amount, String on) {
        record(team.budget(), team.member(), "{\"type\": \"INCOME\", \"amount\": \"%s\", \"occurredOn\": \"%s\"}".formatted(amount, on));
    }

    private long raised(UUID budget) {
        return rows("raised_alert", budget);
    }

    /** The data of the alerts of one kind, in the order published, read until one satisfies {@code until}. */
    private List<JsonNode> alerts(UUID budget, String kind, Predicate<JsonNode> until) {
        Predicate<JsonNode> isAlert = e -> e.get("type").asString().equals(ALERT) && e.get("data").get("kind").asString().equals(kind);
        return transactionEvents(budget, e -> isAlert.test(e) && until.test(e.get("data"))).stream()
                .filter(isAlert).map(e -> e.get("data")).toList();
    }
}
