package dev.kitty.transaction.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kitty.transaction.RunningTransactionService;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

/**
 * A page's {@code totalElements} comes from the rollups for whole months and from counting rows only at the
 * period's partial edges (the listing must not count a million rows per page): it must still be exact, for every
 * kind of period edge and every filter, and after edits, deletions and a deleted category.
 */
class ListingTotalsIT extends RunningTransactionService {

    record Recorded(UUID id, String type, LocalDate on, UUID categoryId, UUID author, String description) {}

    @Test
    void totalsAreExactForEveryPeriodEdgeAndFilter() {
        var team = team();
        var food = category(team.budget(), team.admin(), "Food", "EXPENSE");
        var rent = category(team.budget(), team.admin(), "Rent", "EXPENSE");
        var recorded = new ArrayList<Recorded>();
        var start = LocalDate.of(2025, 11, 1);
        for (int i = 0; i < 60; i++) {
            var on = start.plusDays(i * 3L);
            var author = i % 3 == 0 ? team.admin() : team.member();
            var income = i % 5 == 0;
            var category = income ? null : (i % 2 == 0 ? food : rent);
            var description = i % 4 == 0 ? "coffee " + i : "other " + i;
            var body = "{\"type\": \"%s\", \"amount\": \"%d.50\", \"occurredOn\": \"%s\", \"description\": \"%s\"%s}".formatted(
                    income ? "INCOME" : "EXPENSE", i + 1, on, description, category == null ? "" : ", \"categoryId\": \"" + category + "\"");
            var answer = record(team.budget(), author, body);
            recorded.add(new Recorded(UUID.fromString(answer.get("id").asString()), income ? "INCOME" : "EXPENSE", on, category,
                    author.id(), description));
        }
        // an edit that moves a transaction to another month, a deletion, and a deleted category
        var moved = recorded.get(7);
        expect(call(HttpMethod.PUT, transactions(team.budget()) + "/" + moved.id(), team.member(),
                "{\"type\": \"EXPENSE\", \"amount\": \"9\", \"occurredOn\": \"2026-04-17\", \"description\": \"moved\"}"), HttpStatus.OK);
        recorded.set(7, new Recorded(moved.id(), "EXPENSE", LocalDate.of(2026, 4, 17), null, moved.author(), "moved"));
        var deleted = recorded.remove(12);
        expect(call(HttpMethod.DELETE, transactions(team.budget()) + "/" + deleted.id(), team.admin(), null), HttpStatus.NO_CONTENT);
        expect(call(HttpMethod.DELETE, categories(team.budget()) + "/" + rent, team.admin(), null), HttpStatus.NO_CONTENT);
        recorded.replaceAll(r -> rent.equals(r.categoryId()) ? new Recorded(r.id(), r.type(), r.on(), null, r.author(), r.description()) : r);

        record Case(String query, Predicate<Recorded> matches) {}
        var cases = List.of(
                new Case("", r -> true),
                new Case("?from=2026-01-01&to=2026-02-28", r -> within(r, "2026-01-01", "2026-02-28")),
                new Case("?from=2025-12-15&to=2026-03-10", r -> within(r, "2025-12-15", "2026-03-10")),
                new Case("?from=2026-02-03&to=2026-02-20", r -> within(r, "2026-02-03", "2026-02-20")),
                new Case("?from=2026-01-01&to=2026-01-31", r -> within(r, "2026-01-01", "2026-01-31")),
                new Case("?from=2026-01-17", r -> !r.on().isBefore(LocalDate.parse("2026-01-17"))),
                new Case("?to=2026-01-17", r -> !r.on().isAfter(LocalDate.parse("2026-01-17"))),
                new Case("?from=2026-03-01", r -> !r.on().isBefore(LocalDate.parse("2026-03-01"))),
                new Case("?type=INCOME", r -> r.type().equals("INCOME")),
                new Case("?type=EXPENSE&from=2025-11-20&to=2026-02-14", r -> r.type().equals("EXPENSE") && within(r, "2025-11-20", "2026-02-14")),
                new Case("?categoryId=" + food, r -> food.equals(r.categoryId())),
                new Case("?categoryId=" + rent, r -> false),
                new Case("?createdBy=" + team.admin().id() + "&from=2026-01-05", r -> r.author().equals(team.admin().id())
                        && !r.on().isBefore(LocalDate.parse("2026-01-05"))),
                new Case("?q=coffee", r -> r.description().startsWith("coffee")),
                new Case("?q=coffee&from=2026-01-01&to=2026-01-31", r -> r.description().startsWith("coffee") && within(r, "2026-01-01", "2026-01-31")));
        for (var example : cases) {
            var page = expect(call(HttpMethod.GET, transactions(team.budget()) + example.query() + (example.query().isEmpty() ? "?" : "&") + "size=100",
                    team.viewer(), null), HttpStatus.OK);
            long expected = recorded.stream().filter(example.matches()).count();
            assertThat(page.get("page").get("totalElements").asLong()).as(example.query()).isEqualTo(expected);
            assertThat(page.get("content").size()).as(example.query()).isEqualTo((int) expected);
        }
    }

    private static boolean within(Recorded recorded, String from, String to) {
        return !recorded.on().isBefore(LocalDate.parse(from)) && !recorded.on().isAfter(LocalDate.parse(to));
    }
}
