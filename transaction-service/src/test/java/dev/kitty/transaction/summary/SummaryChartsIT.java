package dev.kitty.transaction.summary;

import static dev.kitty.transaction.ledger.TransactionType.EXPENSE;
import static dev.kitty.transaction.ledger.TransactionType.INCOME;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.w3c.dom.Document;

/** The two charts: SVG documents that parse as XML and carry the labels a reader needs. */
class SummaryChartsIT extends SummaryTestSupport {

    final UUID ann = UUID.randomUUID();

    @Test
    void drawsTheMonthlyBarsWithTheirNetLineLabelledWithPeriodAndCurrency() throws Exception {
        var budget = ledger.budget("EUR", ann, "VIEWER");
        ledger.record(budget, INCOME, "2500.00", LocalDate.of(2026, 1, 1), null, ann);
        ledger.record(budget, EXPENSE, "1234.56", LocalDate.of(2026, 2, 1), null, ann);

        var result = get("/api/budgets/" + budget + "/charts/monthly.svg?from=2026-01-01&to=2026-03-31", ann);

        assertThat(result).hasStatus(HttpStatus.OK);
        assertThat(result.getResponse().getContentType()).startsWith("image/svg+xml");
        var svg = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(parse(svg).getDocumentElement().getLocalName()).isEqualTo("svg");
        assertThat(svg).contains("Income and expenses, Jan 2026 – Mar 2026", "Amount (EUR)", "Month", "Income", "Expense", "Net",
                "Jan", "Feb", "Mar", "net 1,265.44 EUR");
    }

    @Test
    void drawsEachCategorysShareOfTheExpensesWithPercentages() throws Exception {
        var budget = ledger.budget("KWD", ann, "VIEWER");
        var food = ledger.category(budget, "Food & drink", EXPENSE, null);
        var rent = ledger.category(budget, "Rent", EXPENSE, null);
        ledger.record(budget, EXPENSE, "300.000", LocalDate.of(2026, 1, 5), rent, ann);
        ledger.record(budget, EXPENSE, "100.000", LocalDate.of(2026, 1, 6), food, ann);
        ledger.record(budget, INCOME, "900.000", LocalDate.of(2026, 1, 7), null, ann);

        var result = get("/api/budgets/" + budget + "/charts/categories.svg?from=2026-01-01&to=2026-01-31", ann);

        assertThat(result).hasStatus(HttpStatus.OK);
        assertThat(result.getResponse().getContentType()).startsWith("image/svg+xml");
        var svg = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        parse(svg);
        assertThat(svg).contains("Expenses by category, Jan 2026", "Rent: 75.0%", "Food &amp; drink  100.000 KWD (25.0%)", "Expenses 400.000 KWD", "Rent  300.000 KWD (75.0%)");
    }

    @Test
    void writesACategoryNameAsTextNeverAsMarkup() throws Exception {
        var budget = ledger.budget("EUR", ann, "VIEWER");
        var evil = ledger.category(budget, "<script>alert(1)</script>", EXPENSE, null);
        ledger.record(budget, EXPENSE, "1.00", LocalDate.of(2026, 1, 5), evil, ann);

        var svg = get("/api/budgets/" + budget + "/charts/categories.svg?from=2026-01-01", ann).getResponse()
                .getContentAsString(StandardCharsets.UTF_8);

        assertThat(parse(svg).getElementsByTagNameNS("*", "script").getLength()).isZero();
        assertThat(svg).doesNotContain("<script").contains("&lt;script&gt;");
    }

    @Test
    void saysSoWhenThePeriodHasNoTransactions() throws Exception {
        var budget = ledger.budget("JPY", ann, "VIEWER");

        for (var chart : new String[] {"monthly", "categories"}) {
            var result = get("/api/budgets/" + budget + "/charts/" + chart + ".svg?from=2020-01-01&to=2020-12-31", ann);

            assertThat(result).hasStatus(HttpStatus.OK);
            var svg = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
            parse(svg);
            assertThat(svg).contains(SummaryCharts.NO_DATA, "Jan 2020 – Dec 2020");
        }
    }

    @Test
    void refusesAMonthlyChartOfMoreThanTenYears() {
        var budget = ledger.budget("EUR", ann, "VIEWER");

        assertThat(get("/api/budgets/" + budget + "/charts/monthly.svg?from=2000-01-01&to=2010-01-31", ann)).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(get("/api/budgets/" + budget + "/charts/monthly.svg?from=2000-01-01&to=2009-12-31", ann)).hasStatus(HttpStatus.OK);
    }

    static Document parse(String svg) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }
}
