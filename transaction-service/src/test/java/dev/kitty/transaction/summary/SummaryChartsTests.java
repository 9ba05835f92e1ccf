package dev.kitty.transaction.summary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kitty.transaction.ledger.TransactionType;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The charts of a made-up household year, drawn without infrastructure. With {@code -Dcharts.out=DIR} the SVGs are
 * written there (docs/charts holds the examples) and the time a 12-month chart takes after warm-up is printed.
 */
class SummaryChartsTests {

    final SummaryCharts charts = new SummaryCharts();

    @Test
    void drawsAHouseholdYear() throws Exception {
        var summary = householdYear();

        var monthly = charts.monthly(summary);
        var categories = charts.categories(summary);

        assertThat(SummaryChartsIT.parse(monthly).getDocumentElement().getLocalName()).isEqualTo("svg");
        assertThat(SummaryChartsIT.parse(categories).getDocumentElement().getLocalName()).isEqualTo("svg");
        assertThat(monthly).contains("Income and expenses, Jan 2026 – Dec 2026", "Dec", "Amount (EUR)");
        assertThat(categories).contains("Expenses by category, Jan 2026 – Dec 2026", "Rent", "Other");
        write(monthly, categories, charts.monthly(empty()), charts.categories(empty()));
    }

    private void write(String monthly, String categories, String emptyMonthly, String emptyCategories) throws IOException {
        var out = System.getProperty("charts.out");
        if (out == null) {
            return;
        }
        var dir = Files.createDirectories(Path.of(out));
        Files.writeString(dir.resolve("monthly.svg"), monthly);
        Files.writeString(dir.resolve("categories.svg"), categories);
        Files.writeString(dir.resolve("monthly-empty.svg"), emptyMonthly);
        Files.writeString(dir.resolve("categories-empty.svg"), emptyCategories);
        var summary = householdYear();
        for (int i = 0; i < 200; i++) {
            charts.monthly(summary);
        }
        long start = System.nanoTime();
        for (int i = 0; i < 100; i++) {
            charts.monthly(summary);
        }
        long monthlyMicros = (System.nanoTime() - start) / 100_000;
        start = System.nanoTime();
        for (int i = 0; i < 100; i++) {
            charts.categories(summary);
        }
        System.out.printf("monthly.svg (12 months): %d µs, categories.svg: %d µs per chart after warm-up%n", monthlyMicros,
                (System.nanoTime() - start) / 100_000);
    }

    static Summary householdYear() {
        var random = new Random(9);
        var months = new ArrayList<Summary.Month>();
        var income = BigDecimal.ZERO;
        var expense = BigDecimal.ZERO;
        for (int m = 1; m <= 12; m++) {
            var in = money(4200 + (m == 12 ? 2100 : 0) + random.nextInt(300));
            var out = money(3300 + random.nextInt(1400) + (m == 8 ? 1800 : 0));
            months.add(new Summary.Month(YearMonth.of(2026, m), in, out));
            income = income.add(in);
            expense = expense.add(out);
        }
        var names = List.of("Rent", "Groceries", "Transport", "Utilities", "Eating out", "Holidays", "Health", "Clothes", "Kids",
                "Gifts", "Subscriptions", "Uncategorised");
        var weights = new int[] {30, 18, 9, 8, 7, 9, 4, 4, 5, 2, 2, 2};
        var categories = new ArrayList<Summary.CategoryTotal>();
        categories.add(new Summary.CategoryTotal(UUID.randomUUID(), "Salary", TransactionType.INCOME, income, null));
        for (int i = 0; i < names.size(); i++) {
            categories.add(new Summary.CategoryTotal(UUID.randomUUID(), names.get(i), TransactionType.EXPENSE,
                    expense.multiply(BigDecimal.valueOf(weights[i])).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_EVEN), null));
        }
        return new Summary("EUR", new Period(YearMonth.of(2026, 1), YearMonth.of(2026, 12)), income, expense, income.subtract(expense),
                months, categories, List.of());
    }

    static Summary empty() {
        var period = new Period(YearMonth.of(2026, 1), YearMonth.of(2026, 3));
        var months = period.months().stream().map(m -> new Summary.Month(m, BigDecimal.ZERO, BigDecimal.ZERO)).toList();
        return new Summary("EUR", period, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, months, List.of(), List.of());
    }

    private static BigDecimal money(int euros) {
        return BigDecimal.valueOf(euros * 100L + 37, 2);
    }
}
