package dev.kitty.transaction.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kitty.transaction.RunningTransactionService;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.JsonNode;

/** Transactions through the API: their lifecycle, the rules on their fields, idempotency keys, ETags, filters and pages. */
class LedgerIT extends RunningTransactionService {

    @Test
    void recordsReadsChangesAndDeletesATransactionWithItsAuthorsAndETags() {
        var team = team();
        var groceries = category(team.budget(), team.admin(), "Food", "EXPENSE");

        var created = call(HttpMethod.POST, transactions(team.budget()), team.member(), """
                {"type": "EXPENSE", "amount": "12.5", "occurredOn": "2026-03-14", "categoryId": "%s", "description": "Market"}
                """.formatted(groceries));
        var body = expect(created, HttpStatus.CREATED);
        assertThat(created.getResponse().getHeader("ETag")).isEqualTo("\"1\"");
        assertThat(body.get("amount").asString()).isEqualTo("12.50");
        assertThat(body.get("currency").asString()).isEqualTo("EUR");
        assertThat(body.get("createdBy").asString()).isEqualTo(team.member().id().toString());
        assertThat(body.get("updatedBy").asString()).isEqualTo(team.member().id().toString());
        assertThat(body.get("categoryId").asString()).isEqualTo(groceries.toString());
        var id = body.get("id").asString();
        var path = transactions(team.budget()) + "/" + id;
        assertThat(created.getResponse().getHeader("Location")).isEqualTo(path);

        var read = call(HttpMethod.GET, path, team.viewer(), null);
        assertThat(expect(read, HttpStatus.OK).get("description").asString()).isEqualTo("Market");
        assertThat(read.getResponse().getHeader("ETag")).isEqualTo("\"1\"");

        var changed = call(HttpMethod.PUT, path, team.admin(), """
                {"type": "EXPENSE", "amount": 13, "occurredOn": "2026-03-15", "description": "Market and bakery"}
                """, "If-Match", "\"1\"");
        var after = expect(changed, HttpStatus.OK);
        assertThat(changed.getResponse().getHeader("ETag")).isEqualTo("\"2\"");
        assertThat(after.get("amount").asString()).isEqualTo("13.00");
        assertThat(after.get("categoryId").isNull()).isTrue();
        assertThat(after.get("createdBy").asString()).isEqualTo(team.member().id().toString());
        assertThat(after.get("updatedBy").asString()).isEqualTo(team.admin().id().toString());

        // a stale tag changes nothing
        expect(call(HttpMethod.PUT, path, team.member(), """
                {"type": "EXPENSE", "amount": 99, "occurredOn": "2026-03-15"}
                """, "If-Match", "\"1\""), HttpStatus.PRECONDITION_FAILED);
        expect(call(HttpMethod.DELETE, path, team.member(), null, "If-Match", "\"1\""), HttpStatus.PRECONDITION_FAILED);
        assertThat(expect(call(HttpMethod.GET, path, team.member(), null), HttpStatus.OK).get("amount").asString()).isEqualTo("13.00");

        expect(call(HttpMethod.DELETE, path, team.member(), null, "If-Match", "\"2\""), HttpStatus.NO_CONTENT);
        expect(call(HttpMethod.GET, path, team.member(), null), HttpStatus.NOT_FOUND);
        assertThat(rows("ledger_transaction", team.budget())).isZero();
    }

    @Test
    void aMemberChangesOnlyWhatTheyRecordedAndAnAdminAnything() {
        var team = team();
        var other = user("other");
        memberInReplica(team.budget(), other, "MEMBER");
        var id = record(team.budget(), team.member(), "{\"type\": \"INCOME\", \"amount\": \"100\", \"occurredOn\": \"2026-01-31\"}")
                .get("id").asString();
        var path = transactions(team.budget()) + "/" + id;
        var change = "{\"type\": \"INCOME\", \"amount\": \"101\", \"occurredOn\": \"2026-01-31\"}";

        expect(call(HttpMethod.PUT, path, other, change), HttpStatus.FORBIDDEN);
        expect(call(HttpMethod.DELETE, path, other, null), HttpStatus.FORBIDDEN);
        expect(call(HttpMethod.PUT, path, team.viewer(), change), HttpStatus.FORBIDDEN);
        expect(call(HttpMethod.PUT, path, team.member(), change), HttpStatus.OK);
        expect(call(HttpMethod.PUT, path, team.owner(), change), HttpStatus.OK);
        // another budget's transaction is not found through this one
        var elsewhere = team();
        expect(call(HttpMethod.GET, transactions(elsewhere.budget()) + "/" + id, elsewhere.owner(), null), HttpStatus.NOT_FOUND);
        expect(call(HttpMethod.DELETE, transactions(elsewhere.budget()) + "/" + id, elsewhere.owner(), null), HttpStatus.NOT_FOUND);
        expect(call(HttpMethod.DELETE, path, team.admin(), null), HttpStatus.NO_CONTENT);
    }

    static Stream<Arguments> badTransactions() {
        var farFuture = LocalDate.now().plusYears(11);
        return Stream.of(
                Arguments.of("zero", "{\"type\": \"EXPENSE\", \"amount\": \"0\", \"occurredOn\": \"2026-01-01\"}", "amount"),
                Arguments.of("zero with decimals", "{\"type\": \"EXPENSE\", \"amount\": 0.00, \"occurredOn\": \"2026-01-01\"}", "amount"),
                Arguments.of("negative", "{\"type\": \"EXPENSE\", \"amount\": \"-5\", \"occurredOn\": \"2026-01-01\"}", "amount"),
                Arguments.of("too many decimals", "{\"type\": \"EXPENSE\", \"amount\": \"1.005\", \"occurredOn\": \"2026-01-01\"}", "amount"),
                Arguments.of("too many decimals as a number", "{\"type\": \"EXPENSE\", \"amount\": 0.001, \"occurredOn\": \"2026-01-01\"}", "amount"),
                Arguments.of("absurdly large", "{\"type\": \"EXPENSE\", \"amount\": \"1000000000000\", \"occurredOn\": \"2026-01-01\"}", "amount"),
                Arguments.of("absurd exponent", "{\"type\": \"EXPENSE\", \"amount\": 1e400, \"occurredOn\": \"2026-01-01\"}", "amount"),
                Arguments.of("not a number", "{\"type\": \"EXPENSE\", \"amount\": \"twelve\", \"occurredOn\": \"2026-01-01\"}", "amount"),
                Arguments.of("a boolean amount", "{\"type\": \"EXPENSE\", \"amount\": true, \"occurredOn\": \"2026-01-01\"}", "amount"),
                Arguments.of("NaN", "{\"type\": \"EXPENSE\", \"amount\": \"NaN\", \"occurredOn\": \"2026-01-01\"}", "amount"),
                Arguments.of("no amount", "{\"type\": \"EXPENSE\", \"occurredOn\": \"2026-01-01\"}", "amount"),
                Arguments.of("unknown type", "{\"type\": \"TRANSFER\", \"amount\": \"5\", \"occurredOn\": \"2026-01-01\"}", "type"),
                Arguments.of("lower-case type", "{\"type\": \"expense\", \"amount\": \"5\", \"occurredOn\": \"2026-01-01\"}", "type"),
                Arguments.of("no type", "{\"amount\": \"5\", \"occurredOn\": \"2026-01-01\"}", "type"),
                Arguments.of("a date long ago", "{\"type\": \"EXPENSE\", \"amount\": \"5\", \"occurredOn\": \"1899-12-31\"}", "occurredOn"),
                Arguments.of("a date far ahead", "{\"type\": \"EXPENSE\", \"amount\": \"5\", \"occurredOn\": \"" + farFuture + "\"}", "occurredOn"),
                Arguments.of("not a date", "{\"type\": \"EXPENSE\", \"amount\": \"5\", \"occurredOn\": \"2026-02-30\"}", "occurredOn"),
                Arguments.of("no date", "{\"type\": \"EXPENSE\", \"amount\": \"5\"}", "occurredOn"),
                Arguments.of("a category of another budget", "{\"type\": \"EXPENSE\", \"amount\": \"5\", \"occurredOn\": \"2026-01-01\", \"categoryId\": \"{foreign}\"}", "categoryId"),
                Arguments.of("an income category", "{\"type\": \"EXPENSE\", \"amount\": \"5\", \"occurredOn\": \"2026-01-01\", \"categoryId\": \"{income}\"}", "categoryId"),
                Arguments.of("an unknown category", "{\"type\": \"EXPENSE\", \"amount\": \"5\", \"occurredOn\": \"2026-01-01\", \"categoryId\": \"" + UUID.randomUUID() + "\"}", "categoryId"),
                Arguments.of("a category that is no id", "{\"type\": \"EXPENSE\", \"amount\": \"5\", \"occurredOn\": \"2026-01-01\", \"categoryId\": \"food\"}", "categoryId"),
                Arguments.of("a description too long", "{\"type\": \"EXPENSE\", \"amount\": \"5\", \"occurredOn\": \"2026-01-01\", \"description\": \"" + "x".repeat(501) + "\"}", "description"));
    }

    @ParameterizedTest(name = "{0} → 400")
    @MethodSource("badTransactions")
    void refusesBadInputWithAProblemNamingTheFieldAndChangesNothing(String name, String body, String field) {
        var team = team();
        var income = category(team.budget(), team.admin(), "Salary", "INCOME");
        var other = team();
        var foreign = category(other.budget(), other.admin(), "Food", "EXPENSE");
        var existing = record(team.budget(), team.member(), "{\"type\": \"EXPENSE\", \"amount\": \"5\", \"occurredOn\": \"2026-01-01\"}");
        var filled = body.replace("{foreign}", foreign.toString()).replace("{income}", income.toString());

        var refused = expect(call(HttpMethod.POST, transactions(team.budget()), team.member(), filled), HttpStatus.BAD_REQUEST);
        assertThat(refused.get("errors").findValuesAsString("field")).contains(field);
        var refusedChange = expect(call(HttpMethod.PUT, transactions(team.budget()) + "/" + existing.get("id").asString(), team.member(), filled),
                HttpStatus.BAD_REQUEST);
        assertThat(refusedChange.get("errors").findValuesAsString("field")).contains(field);

        assertThat(rows("ledger_transaction", team.budget())).isEqualTo(1);
        var stored = expect(call(HttpMethod.GET, transactions(team.budget()) + "/" + existing.get("id").asString(), team.member(), null), HttpStatus.OK);
        assertThat(stored.get("version").asLong()).isEqualTo(1);
    }

    @Test
    void checksDecimalsAgainstTheBudgetsCurrency() {
        var yen = team("JPY");
        expect(call(HttpMethod.POST, transactions(yen.budget()), yen.member(),
                "{\"type\": \"EXPENSE\", \"amount\": \"1200.5\", \"occurredOn\": \"2026-01-01\"}"), HttpStatus.BAD_REQUEST);
        assertThat(record(yen.budget(), yen.member(), "{\"type\": \"EXPENSE\", \"amount\": \"1200.00\", \"occurredOn\": \"2026-01-01\"}")
                .get("amount").asString()).isEqualTo("1200");
        var dinar = team("KWD");
        assertThat(record(dinar.budget(), dinar.member(), "{\"type\": \"EXPENSE\", \"amount\": \"0.125\", \"occurredOn\": \"2026-01-01\"}")
                .get("amount").asString()).isEqualTo("0.125");
    }

    @Test
    void anIdempotencyKeyReturnsTheFirstAnswerForTheSameBodyAndRefusesAnotherBody() {
        var team = team();
        var body = "{\"type\": \"EXPENSE\", \"amount\": \"7.5\", \"occurredOn\": \"2026-02-01\", \"description\": \"Taxi\"}";
        var sameParsed = "{\"description\": \"Taxi\", \"occurredOn\": \"2026-02-01\", \"amount\": 7.50, \"type\": \"EXPENSE\"}";

        var first = expect(call(HttpMethod.POST, transactions(team.budget()), team.member(), body, "Idempotency-Key", "k-1"), HttpStatus.CREATED);
        var retry = call(HttpMethod.POST, transactions(team.budget()), team.member(), sameParsed, "Idempotency-Key", "k-1");
        assertThat(expect(retry, HttpStatus.CREATED)).isEqualTo(first);
        assertThat(retry.getResponse().getHeader("ETag")).isEqualTo("\"1\"");
        var reused = expect(call(HttpMethod.POST, transactions(team.budget()), team.member(),
                body.replace("7.5", "8"), "Idempotency-Key", "k-1"), HttpStatus.CONFLICT);
        assertThat(reused.get("type").asString()).endsWith("/idempotency-key-reused");
        assertThat(rows("ledger_transaction", team.budget())).isEqualTo(1);

        // keys are per caller and per budget
        expect(call(HttpMethod.POST, transactions(team.budget()), team.admin(), body, "Idempotency-Key", "k-1"), HttpStatus.CREATED);
        assertThat(rows("ledger_transaction", team.budget())).isEqualTo(2);
        // a refused request claims no key
        expect(call(HttpMethod.POST, transactions(team.budget()), team.member(), body.replace("7.5", "-1"), "Idempotency-Key", "k-2"),
                HttpStatus.BAD_REQUEST);
        expect(call(HttpMethod.POST, transactions(team.budget()), team.member(), body, "Idempotency-Key", "k-2"), HttpStatus.CREATED);
        // after 24 hours a key is new again
        clock.advance(java.time.Duration.ofHours(25));
        var later = expect(call(HttpMethod.POST, transactions(team.budget()), team.member(), body, "Idempotency-Key", "k-1"), HttpStatus.CREATED);
        assertThat(later.get("id")).isNotEqualTo(first.get("id"));
        expect(call(HttpMethod.POST, transactions(team.budget()), team.member(), body, "Idempotency-Key", "x".repeat(201)), HttpStatus.BAD_REQUEST);
    }

    @Test
    void concurrentRequestsWithOneKeyRecordOneTransaction() throws Exception {
        var team = team();
        var body = "{\"type\": \"EXPENSE\", \"amount\": \"3\", \"occurredOn\": \"2026-02-01\"}";
        var tasks = new ArrayList<Callable<JsonNode>>();
        for (int i = 0; i < 8; i++) {
            tasks.add(() -> expect(call(HttpMethod.POST, transactions(team.budget()), team.member(), body, "Idempotency-Key", "same"), HttpStatus.CREATED));
        }
        try (var pool = Executors.newFixedThreadPool(8)) {
            var answers = pool.invokeAll(tasks).stream().map(future -> {
                try {
                    return future.get().get("id").asString();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).distinct().toList();
            assertThat(answers).hasSize(1);
        }
        assertThat(rows("ledger_transaction", team.budget())).isEqualTo(1);
    }

    @Test
    void listsNewestFirstInPagesWithEveryFilter() {
        var team = team();
        var food = category(team.budget(), team.admin(), "Food", "EXPENSE");
        record(team.budget(), team.member(), "{\"type\": \"EXPENSE\", \"amount\": \"1\", \"occurredOn\": \"2026-01-10\", \"categoryId\": \"" + food + "\", \"description\": \"Bakery 100%\"}");
        record(team.budget(), team.admin(), "{\"type\": \"INCOME\", \"amount\": \"2\", \"occurredOn\": \"2026-02-10\", \"description\": \"Salary\"}");
        record(team.budget(), team.member(), "{\"type\": \"EXPENSE\", \"amount\": \"3\", \"occurredOn\": \"2026-03-10\", \"description\": \"BAKERY_x\"}");
        // the same day as the one before, recorded later: newer
        clock.advance(java.time.Duration.ofSeconds(1));
        record(team.budget(), team.member(), "{\"type\": \"EXPENSE\", \"amount\": \"4\", \"occurredOn\": \"2026-03-10\"}");

        var all = expect(call(HttpMethod.GET, transactions(team.budget()), team.viewer(), null), HttpStatus.OK);
        assertThat(all.get("content").findValuesAsString("amount")).containsExactly("4.00", "3.00", "2.00", "1.00");
        assertThat(all.get("page").get("totalElements").asLong()).isEqualTo(4);

        var page = expect(call(HttpMethod.GET, transactions(team.budget()) + "?size=3&page=1", team.viewer(), null), HttpStatus.OK);
        assertThat(page.get("content").findValuesAsString("amount")).containsExactly("1.00");
        assertThat(page.get("page").get("totalElements").asLong()).isEqualTo(4);
        assertThat(page.get("page").get("totalPages").asLong()).isEqualTo(2);

        assertThat(amounts(team, "?from=2026-02-01&to=2026-03-01")).containsExactly("2.00");
        assertThat(amounts(team, "?type=INCOME")).containsExactly("2.00");
        assertThat(amounts(team, "?categoryId=" + food)).containsExactly("1.00");
        assertThat(amounts(team, "?createdBy=" + team.admin().id())).containsExactly("2.00");
        assertThat(amounts(team, "?q=bakery")).containsExactly("3.00", "1.00");
        assertThat(amounts(team, "?q=%")).containsExactly("1.00");
        assertThat(amounts(team, "?q=_")).containsExactly("3.00");
        assertThat(amounts(team, "?q=bakery&type=EXPENSE&from=2026-03-01")).containsExactly("3.00");
        assertThat(amounts(team, "?page=5")).isEmpty();

        for (var bad : new String[] {"?size=0", "?size=101", "?page=-1", "?type=TRANSFER", "?from=yesterday", "?categoryId=food",
                "?createdBy=me", "?from=2026-03-01&to=2026-02-01", "?q=" + "x".repeat(201), "?size=ten"}) {
            expect(call(HttpMethod.GET, transactions(team.budget()) + bad, team.viewer(), null), HttpStatus.BAD_REQUEST);
        }
    }

    private java.util.List<String> amounts(Team team, String query) {
        return expect(call(HttpMethod.GET, transactions(team.budget()) + query, team.viewer(), null), HttpStatus.OK)
                .get("content").findValuesAsString("amount");
    }
}
