package dev.kitty.transaction.closing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * When months close, with the clock moved by hand: once, after the month's last day in the budget's zone, in order,
 * catching up after downtime, and with later changes to closed months settled at the next close.
 */
class MonthCloseIT extends ClosingTestSupport {

    @Test
    void closesOnceAfterTheLastDayAndFreezesTheTotals() {
        var team = teamIn("UTC", "2011-01-10T09:00:00Z");
        income(team, "100.00", "2011-01-05");
        expense(team, "30.25", "2011-01-31");

        assertThat(closeAt("2011-01-31T23:59:59Z", team.budget())).isEmpty();
        assertThat(closeAt("2011-02-01T00:00:00Z", team.budget())).containsExactly(YearMonth.of(2011, 1));
        assertThat(closeAt("2011-02-01T00:01:00Z", team.budget())).isEmpty();
        assertThat(closeAt("2011-02-27T00:00:00Z", team.budget())).isEmpty();

        var january = closedMonths(team.budget()).getFirst();
        assertThat(january.income()).isEqualByComparingTo("100.00");
        assertThat(january.expense()).isEqualByComparingTo("30.25");
        assertThat(january.net()).isEqualByComparingTo("69.75");
        assertThat(january.accounted()).isEqualByComparingTo("69.75");
        assertThat(january.closedAt()).isEqualTo(utc("2011-02-01T00:00:00"));
    }

    @Test
    void catchesUpThreeMissedMonthsInOrder() {
        var team = teamIn("UTC", "2012-01-05T00:00:00Z");
        income(team, "10", "2012-01-05");
        income(team, "20", "2012-02-05");
        income(team, "30", "2012-03-05");
        income(team, "40", "2012-04-05");

        // down from January to mid-April
        assertThat(closeAt("2012-04-15T12:00:00Z", team.budget()))
                .containsExactly(YearMonth.of(2012, 1), YearMonth.of(2012, 2), YearMonth.of(2012, 3));
        assertThat(closedMonths(team.budget())).extracting(ClosedMonthRow::income)
                .usingElementComparator(java.math.BigDecimal::compareTo)
                .containsExactly(new java.math.BigDecimal("10"), new java.math.BigDecimal("20"), new java.math.BigDecimal("30"));
        assertThat(closeAt("2012-05-01T00:00:00Z", team.budget())).containsExactly(YearMonth.of(2012, 4));
    }

    @Test
    void theSchedulersPaceIsAskedBeforeEveryMonthItCloses() {
        var team = teamIn("UTC", "2013-01-05T00:00:00Z");
        income(team, "10", "2013-01-05");
        var paced = new java.util.concurrent.atomic.AtomicInteger();
        var closedAfterPermits = new java.util.ArrayList<Integer>();
        clock.set(Instant.parse("2013-04-15T12:00:00Z"));

        var closed = monthClose.closeDueMonths(java.util.Set.of(team.budget()), () -> {
            closedAfterPermits.add(closedMonths(team.budget()).size());
            paced.incrementAndGet();
        });

        // January to March: a permit before each month, and one more before the claim that finds nothing left
        assertThat(closed).extracting(MonthClose.Closed::month)
                .containsExactly(YearMonth.of(2013, 1), YearMonth.of(2013, 2), YearMonth.of(2013, 3));
        assertThat(paced).hasValue(4);
        assertThat(closedAfterPermits).containsExactly(0, 1, 2, 3);
    }

    @Test
    void februaryOfALeapYearEndsAfterThe29thAndThe31stCountsInItsMonth() {
        var team = teamIn("UTC", "2016-01-20T00:00:00Z");
        expense(team, "31", "2016-01-31");
        expense(team, "29", "2016-02-29");

        assertThat(closeAt("2016-02-29T23:59:59Z", team.budget())).containsExactly(YearMonth.of(2016, 1));
        assertThat(closeAt("2016-03-01T00:00:00Z", team.budget())).containsExactly(YearMonth.of(2016, 2));
        var months = closedMonths(team.budget());
        assertThat(months.get(0).expense()).isEqualByComparingTo("31");
        assertThat(months.get(1).expense()).isEqualByComparingTo("29");
    }

    @Test
    void februaryOfACommonYearEndsAfterThe28th() {
        var team = teamIn("UTC", "2015-02-01T00:00:00Z");
        expense(team, "28", "2015-02-28");

        assertThat(closeAt("2015-02-28T23:59:59Z", team.budget())).isEmpty();
        assertThat(closeAt("2015-03-01T00:00:00Z", team.budget())).containsExactly(YearMonth.of(2015, 2));
        // a 31-day month: March is open until April begins
        assertThat(closeAt("2015-03-31T23:59:59Z", team.budget())).isEmpty();
        assertThat(closeAt("2015-04-01T00:00:00Z", team.budget())).containsExactly(YearMonth.of(2015, 3));
    }

    @Test
    void aBudgetInAucklandClosesThirteenHoursBeforeUtcAndOneInLosAngelesEightHoursAfter() {
        var auckland = teamIn("Pacific/Auckland", "2017-11-02T00:00:00Z");
        var losAngeles = teamIn("America/Los_Angeles", "2017-11-02T00:00:00Z");
        expense(auckland, "5", "2017-11-30");
        expense(losAngeles, "5", "2017-11-30");

        // New Zealand daylight time is UTC+13: December begins there at 11:00 UTC on 30 November
        assertThat(closeAt("2017-11-30T10:59:59Z", auckland.budget())).isEmpty();
        assertThat(closeAt("2017-11-30T11:00:00Z", auckland.budget())).containsExactly(YearMonth.of(2017, 11));
        // Pacific standard time is UTC−8: December begins there at 08:00 UTC on 1 December
        assertThat(closeAt("2017-12-01T00:00:00Z", losAngeles.budget())).isEmpty();
        assertThat(closeAt("2017-12-01T07:59:59Z", losAngeles.budget())).isEmpty();
        assertThat(closeAt("2017-12-01T08:00:00Z", losAngeles.budget())).containsExactly(YearMonth.of(2017, 11));
    }

    @Test
    void backdatedHistoryClosesInOrderAndHistoryEnteredLaterIsSettledAtTheNextClose() {
        var team = teamIn("UTC", "2018-06-10T00:00:00Z");
        income(team, "100", "2018-03-10");
        income(team, "50", "2018-04-10");

        // nothing closed yet: the history entered first makes March the first month
        assertThat(closeAt("2018-06-20T00:00:00Z", team.budget()))
                .containsExactly(YearMonth.of(2018, 3), YearMonth.of(2018, 4), YearMonth.of(2018, 5));
        assertThat(closedMonths(team.budget())).extracting(ClosedMonthRow::month)
                .containsExactly(YearMonth.of(2018, 3), YearMonth.of(2018, 4), YearMonth.of(2018, 5));

        // January entered after the close began: it counts as closed with nothing accounted, settled at June's close
        clock.set(utc("2018-06-21T00:00:00"));
        income(team, "70", "2018-01-15");
        assertThat(closeAt("2018-07-01T00:00:00Z", team.budget())).containsExactly(YearMonth.of(2018, 6));
        var months = closedMonths(team.budget());
        assertThat(months.getFirst().month()).isEqualTo(YearMonth.of(2018, 1));
        assertThat(months.getFirst().accounted()).isEqualByComparingTo("70");
        assertThat(months).extracting(ClosedMonthRow::month).containsExactly(YearMonth.of(2018, 1), YearMonth.of(2018, 3),
                YearMonth.of(2018, 4), YearMonth.of(2018, 5), YearMonth.of(2018, 6));
    }

    @Test
    void aChangeToAClosedMonthIsSettledAtTheNextCloseAsAnAdjustmentWithoutRewritingItsTotals() {
        var team = teamIn("UTC", "2019-05-01T00:00:00Z");
        var holiday = goal(team.budget(), "Holiday", "5000", 1);
        var salary = income(team, "1000", "2019-05-01");
        assertThat(closeAt("2019-06-01T00:00:00Z", team.budget())).containsExactly(YearMonth.of(2019, 5));
        assertThat(saved(holiday)).isEqualByComparingTo("1000");

        // May's salary was 1200: June's close sweeps the 200 as an ADJUSTMENT of May
        clock.set(utc("2019-06-10T00:00:00"));
        change(team, salary, "INCOME", "1200");
        assertThat(closeAt("2019-07-01T00:00:00Z", team.budget())).containsExactly(YearMonth.of(2019, 6));
        var may = closedMonths(team.budget()).getFirst();
        assertThat(may.income()).as("frozen").isEqualByComparingTo("1000");
        assertThat(may.accounted()).as("settled up").isEqualByComparingTo("1200");
        assertThat(closedMonths(team.budget()).get(1).allocated()).as("June's close posted May's adjustment").isEqualByComparingTo("200");
        assertThat(entries(holiday, "ADJUSTMENT")).containsExactly("2019-05 200");
        assertThat(saved(holiday)).isEqualByComparingTo("1200");

        // then 900: July's close takes 300 back
        clock.set(utc("2019-07-10T00:00:00"));
        change(team, salary, "INCOME", "900");
        assertThat(closeAt("2019-08-01T00:00:00Z", team.budget())).containsExactly(YearMonth.of(2019, 7));
        may = closedMonths(team.budget()).getFirst();
        assertThat(may.income()).as("still frozen").isEqualByComparingTo("1000");
        assertThat(may.accounted()).as("settled down").isEqualByComparingTo("900");
        assertThat(entries(holiday, "ADJUSTMENT")).containsExactly("2019-05 200", "2019-05 -300");
        assertThat(saved(holiday)).isEqualByComparingTo("900");
        assertThat(entries(holiday, "SURPLUS")).containsExactly("2019-05 1000");

        // nothing changed since: the next close settles nothing
        assertThat(closeAt("2019-09-01T00:00:00Z", team.budget())).containsExactly(YearMonth.of(2019, 8));
        assertThat(entries(holiday, "ADJUSTMENT")).hasSize(2);
    }

    @Test
    void aDecreaseFirstUsesUpTheSurplusNoGoalNeeded() {
        var team = teamIn("UTC", "2019-05-01T00:00:00Z");
        var small = goal(team.budget(), "Small", "300", 1);
        var salary = income(team, "1000", "2019-05-01");
        assertThat(closeAt("2019-06-01T00:00:00Z", team.budget())).containsExactly(YearMonth.of(2019, 5));
        assertThat(saved(small)).isEqualByComparingTo("300");

        clock.set(utc("2019-06-10T00:00:00"));
        change(team, salary, "INCOME", "500");
        assertThat(closeAt("2019-07-01T00:00:00Z", team.budget())).containsExactly(YearMonth.of(2019, 6));
        assertThat(saved(small)).as("500 of surplus still covers the 300 swept").isEqualByComparingTo("300");

        clock.set(utc("2019-07-10T00:00:00"));
        change(team, salary, "INCOME", "100");
        assertThat(closeAt("2019-08-01T00:00:00Z", team.budget())).containsExactly(YearMonth.of(2019, 7));
        assertThat(saved(small)).isEqualByComparingTo("100");
        assertThat(entries(small, "ADJUSTMENT")).containsExactly("2019-05 -200");
    }

    @Test
    void publishesMonthClosedOnceWithTotalsTopCategoriesAndRecentMonths() {
        var team = teamIn("Europe/Berlin", "2020-01-15T00:00:00Z");
        var rent = category(team.budget(), team.admin(), "Rent", "EXPENSE");
        var food = category(team.budget(), team.admin(), "Food", "EXPENSE");
        var sofa = goal(team.budget(), "Sofa", "2000", 1);
        var car = goal(team.budget(), "Car", "9000", 2);
        income(team, "3000", "2020-01-02");
        income(team, "3200", "2020-02-02");
        record(team.budget(), team.member(), "{\"type\": \"EXPENSE\", \"amount\": \"1200\", \"occurredOn\": \"2020-02-03\", \"categoryId\": \"%s\"}".formatted(rent));
        record(team.budget(), team.member(), "{\"type\": \"EXPENSE\", \"amount\": \"300.5\", \"occurredOn\": \"2020-02-04\", \"categoryId\": \"%s\"}".formatted(food));
        expense(team, "80.5", "2020-02-05");

        // Berlin: March begins at 23:00 UTC on 29 February 2020
        assertThat(closeAt("2020-02-29T23:00:00Z", team.budget())).containsExactly(YearMonth.of(2020, 1), YearMonth.of(2020, 2));
        assertThat(closeAt("2020-03-01T10:00:00Z", team.budget())).isEmpty();

        var envelopes = transactionEvents(team.budget(), e -> isMonthClosed(e, "2020-02"));
        List<JsonNode> february = envelopes.stream().filter(e -> isMonthClosed(e, "2020-02")).toList();
        assertThat(february).hasSize(1);
        assertThat(envelopes.stream().filter(e -> isMonthClosed(e, "2020-01"))).hasSize(1);
        var data = february.getFirst().get("data");
        assertThat(data.get("currency").asString()).isEqualTo("EUR");
        assertThat(data.get("income").asString()).isEqualTo("3200.00");
        assertThat(data.get("expense").asString()).isEqualTo("1581.00");
        assertThat(data.get("net").asString()).isEqualTo("1619.00");
        var top = data.get("topExpenseCategories");
        assertThat(top).hasSize(3);
        assertThat(top.get(0).get("name").asString()).isEqualTo("Rent");
        assertThat(top.get(0).get("categoryId").asString()).isEqualTo(rent.toString());
        assertThat(top.get(0).get("amount").asString()).isEqualTo("1200.00");
        assertThat(top.get(1).get("name").asString()).isEqualTo("Food");
        assertThat(top.get(2).get("name").asString()).isEqualTo("Uncategorised");
        assertThat(top.get(2).get("categoryId").isNull()).isTrue();
        var recent = data.get("recentMonths");
        assertThat(recent).hasSize(2);
        assertThat(recent.get(0).get("month").asString()).isEqualTo("2020-01");
        assertThat(recent.get(0).get("income").asString()).isEqualTo("3000.00");
        assertThat(recent.get(1).get("month").asString()).isEqualTo("2020-02");
        assertThat(data.get("closedAt").asString()).isEqualTo("2020-02-29T23:00:00Z");
        // January's 3000 filled the sofa's 2000 and put 1000 into the car; February's 1619 went to the car
        var allocations = data.get("allocations");
        assertThat(allocations).hasSize(1);
        assertThat(allocations.get(0).get("goalId").asString()).isEqualTo(car.toString());
        assertThat(allocations.get(0).get("name").asString()).isEqualTo("Car");
        assertThat(allocations.get(0).get("amount").asString()).isEqualTo("1619.00");
        assertThat(allocations.get(0).get("kind").asString()).isEqualTo("SURPLUS");
        var january = envelopes.stream().filter(e -> isMonthClosed(e, "2020-01")).findFirst().orElseThrow().get("data").get("allocations");
        assertThat(january).hasSize(2);
        assertThat(january.get(0).get("goalId").asString()).isEqualTo(sofa.toString());
        assertThat(january.get(0).get("amount").asString()).isEqualTo("2000.00");
        assertThat(january.get(1).get("amount").asString()).isEqualTo("1000.00");
    }

    private static boolean isMonthClosed(JsonNode envelope, String month) {
        return envelope.get("type").asString().equals("kitty.budget.month-closed.v1") && envelope.get("data").get("month").asString().equals(month);
    }
}
