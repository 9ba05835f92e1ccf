package dev.kitty.transaction.summary;

import static dev.kitty.transaction.ledger.TransactionType.EXPENSE;
import static dev.kitty.transaction.ledger.TransactionType.INCOME;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpStatus;

/** GET /api/budgets/{id}/summary on real rollups kept by the ledger's events. */
class SummaryIT extends SummaryTestSupport {

    final UUID ann = UUID.randomUUID();
    final UUID bob = UUID.randomUUID();

    @Test
    void sumsToTheCentByMonthCategoryAndMemberWithBalanceUpToTheEndOfThePeriod() {
        var budget = ledger.budget("EUR", ann, "OWNER", bob, "MEMBER");
        jdbc.sql("INSERT INTO person (user_id, display_name, profile_version, updated_at) VALUES (:u, 'Ann', 1, now())").param("u", ann).update();
        var salary = ledger.category(budget, "Salary", INCOME, null);
        var food = ledger.category(budget, "Food", EXPENSE, new BigDecimal("400"));
        ledger.record(budget, INCOME, "1000.10", LocalDate.of(2025, 12, 31), salary, ann); // before the period: balance only
        ledger.record(budget, INCOME, "2500.00", LocalDate.of(2026, 1, 1), salary, ann);
        ledger.record(budget, EXPENSE, "0.10", LocalDate.of(2026, 1, 15), food, bob);
        ledger.record(budget, EXPENSE, "0.20", LocalDate.of(2026, 1, 31), food, bob);
        ledger.record(budget, EXPENSE, "99.99", LocalDate.of(2026, 2, 28), null, ann);
        ledger.record(budget, EXPENSE, "5000", LocalDate.of(2026, 3, 1), food, ann); // after the period

        assertThat(get("/api/budgets/" + budget + "/summary?from=2026-01-01&to=2026-02-28", ann))
                .hasStatus(HttpStatus.OK)
                .bodyJson()
                .isStrictlyEqualTo("""
                        {"currency": "EUR", "from": "2026-01-01", "to": "2026-02-28",
                         "income": "2500.00", "expense": "100.29", "net": "2399.71", "balance": "3399.81",
                         "byMonth": [{"month": "2026-01", "income": "2500.00", "expense": "0.30", "net": "2499.70"},
                                     {"month": "2026-02", "income": "0.00", "expense": "99.99", "net": "-99.99"}],
                         "byCategory": [{"categoryId": "%s", "name": "Salary", "type": "INCOME", "total": "2500.00"},
                                        {"categoryId": null, "name": "Uncategorised", "type": "EXPENSE", "total": "99.99"},
                                        {"categoryId": "%s", "name": "Food", "type": "EXPENSE", "total": "0.30", "monthlyLimit": "400.00"}],
                         "byMember": [{"userId": "%s", "displayName": "Ann", "income": "2500.00", "expense": "99.99"},
                                      {"userId": "%s", "displayName": "Unknown member", "income": "0.00", "expense": "0.30"}]}
                        """.formatted(salary, food, ann, bob));
    }

    @ParameterizedTest(name = "{0}: {1} + {2} − {3} = {4}")
    @CsvSource({
        "JPY, 1000, 2001, 1, 3000",
        "EUR, 0.01, 0.02, 0.04, -0.01",
        "KWD, 1.001, 2.002, 0.004, 2.999",
        "BHD, 0.999, 0.001, 1.000, 0.000"})
    void writesTheCurrencysMinorDigitsExactly(String currency, String a, String b, String expense, String net) {
        var budget = ledger.budget(currency, ann, "VIEWER");
        ledger.record(budget, INCOME, a, LocalDate.of(2026, 5, 2), null, ann);
        ledger.record(budget, INCOME, b, LocalDate.of(2026, 5, 3), null, ann);
        ledger.record(budget, EXPENSE, expense, LocalDate.of(2026, 5, 31), null, ann);

        var body = get("/api/budgets/" + budget + "/summary?from=2026-05-01&to=2026-05-31", ann);

        assertThat(body).hasStatus(HttpStatus.OK);
        assertThat(body).bodyJson().extractingPath("$.currency").isEqualTo(currency);
        assertThat(body).bodyJson().extractingPath("$.net").isEqualTo(net);
        assertThat(body).bodyJson().extractingPath("$.balance").isEqualTo(net);
        assertThat(body).bodyJson().extractingPath("$.expense").isEqualTo(expense);
    }

    @Test
    void widensDatesToWholeMonthsAndDefaultsToTheCurrentMonthInUtc() {
        var budget = ledger.budget("EUR", ann, "VIEWER");
        var now = YearMonth.now(ZoneOffset.UTC);
        ledger.record(budget, EXPENSE, "1.00", now.atDay(1), null, ann);
        ledger.record(budget, EXPENSE, "2.00", now.atEndOfMonth(), null, ann);
        ledger.record(budget, EXPENSE, "4.00", LocalDate.of(2026, 3, 1), null, ann);
        ledger.record(budget, EXPENSE, "8.00", LocalDate.of(2026, 3, 31), null, ann);

        var current = get("/api/budgets/" + budget + "/summary", ann);
        assertThat(current).bodyJson().extractingPath("$.from").isEqualTo(now.atDay(1).toString());
        assertThat(current).bodyJson().extractingPath("$.expense").isEqualTo("3.00");
        assertThat(current).bodyJson().extractingPath("$.byMonth.length()").isEqualTo(1);

        var middleOfMarch = get("/api/budgets/" + budget + "/summary?from=2026-03-15&to=2026-03-16", ann);
        assertThat(middleOfMarch).bodyJson().extractingPath("$.from").isEqualTo("2026-03-01");
        assertThat(middleOfMarch).bodyJson().extractingPath("$.to").isEqualTo("2026-03-31");
        assertThat(middleOfMarch).bodyJson().extractingPath("$.expense").isEqualTo("12.00");

        var onlyFrom = get("/api/budgets/" + budget + "/summary?from=2026-03-20", ann);
        assertThat(onlyFrom).bodyJson().extractingPath("$.to").isEqualTo("2026-03-31");

        var aYear = get("/api/budgets/" + budget + "/summary?from=2026-01-01&to=2026-12-31", ann);
        assertThat(aYear).bodyJson().extractingPath("$.byMonth.length()").isEqualTo(12);
    }

    @Test
    void showsAFormerMemberAfterTheAuthorLinkIsDroppedAndUncategorisedAfterACategoryIsDeleted() {
        var budget = ledger.budget("EUR", ann, "OWNER", bob, "MEMBER");
        var food = ledger.category(budget, "Food", EXPENSE, null);
        ledger.record(budget, EXPENSE, "10.00", LocalDate.of(2026, 4, 1), food, bob);
        ledger.record(budget, EXPENSE, "5.50", LocalDate.of(2026, 4, 2), null, bob);
        ledger.record(budget, EXPENSE, "1.25", LocalDate.of(2026, 4, 3), null, null);
        ledger.record(budget, INCOME, "7.00", LocalDate.of(2026, 4, 4), null, ann);

        ledger.dropAuthor(bob);
        ledger.deleteCategory(budget, food);

        assertThat(get("/api/budgets/" + budget + "/summary?from=2026-04-01&to=2026-04-30", ann))
                .bodyJson()
                .isLenientlyEqualTo("""
                        {"expense": "16.75",
                         "byCategory": [{"categoryId": null, "name": "Uncategorised", "type": "INCOME", "total": "7.00"},
                                        {"categoryId": null, "name": "Uncategorised", "type": "EXPENSE", "total": "16.75"}],
                         "byMember": [{"userId": null, "displayName": "Former member", "income": "0.00", "expense": "16.75"},
                                      {"userId": "%s", "income": "7.00", "expense": "0.00"}]}
                        """.formatted(ann));
        assertThat(jdbc.sql("SELECT count(*) FROM monthly_rollup WHERE budget_id = :b").param("b", budget).query(Long.class).single())
                .as("one row per month, category, member and type: the merged rows became one").isEqualTo(2);
    }

    @Test
    void editsAndDeletesMoveTheMoneyAndAnEmptiedRowGoes() {
        var budget = ledger.budget("EUR", ann, "OWNER");
        var rent = ledger.category(budget, "Rent", EXPENSE, null);
        var tx = ledger.record(budget, EXPENSE, "700.00", LocalDate.of(2026, 6, 30), null, ann);
        ledger.edit(tx, EXPENSE, "750.00", LocalDate.of(2026, 7, 1), rent);

        assertThat(get("/api/budgets/" + budget + "/summary?from=2026-06-01&to=2026-07-31", ann))
                .bodyJson()
                .isLenientlyEqualTo("""
                        {"expense": "750.00", "byMonth": [{"month": "2026-06", "expense": "0.00"}, {"month": "2026-07", "expense": "750.00"}],
                         "byCategory": [{"categoryId": "%s", "name": "Rent", "total": "750.00"}]}
                        """.formatted(rent));

        ledger.delete(tx);
        assertThat(get("/api/budgets/" + budget + "/summary?from=2026-06-01&to=2026-07-31", ann))
                .bodyJson().isLenientlyEqualTo("""
                        {"income": "0.00", "expense": "0.00", "balance": "0.00", "byCategory": [], "byMember": []}
                        """);
        assertThat(jdbc.sql("SELECT count(*) FROM monthly_rollup WHERE budget_id = :b").param("b", budget).query(Long.class).single()).isZero();
    }

    @ParameterizedTest(name = "from={0} to={1} → 400")
    @CsvSource(nullValues = "null", value = {
        "2026-03-01, 2026-02-28",
        "2026-13-01, null",
        "null, yesterday",
        "1899-12-31, 2026-01-01",
        "2026-01-01, 3000-01-01",
        "1900-01-01, 2999-12-31",
        "2026-01-01T00:00, null"})
    void refusesABadPeriodWithAProblem(String from, String to) {
        var budget = ledger.budget("EUR", ann, "VIEWER");
        var query = (from == null ? "" : "from=" + from) + "&" + (to == null ? "" : "to=" + to);

        var result = get("/api/budgets/" + budget + "/summary?" + query, ann);

        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(result.getResponse().getContentType()).isEqualTo("application/problem+json");
    }
}
