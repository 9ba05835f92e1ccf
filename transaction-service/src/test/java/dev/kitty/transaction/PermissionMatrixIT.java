package dev.kitty.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Every transaction, category and CSV endpoint against every kind of caller, from one table, on the real application with
 * real access tokens. Each case runs against a fresh budget with an owner, an admin, a member (the author of the
 * fixture's transaction), another member and a viewer. Whoever is not a member (a system ADMIN/SUPER_USER included)
 * gets 404 for the budget, never 403 (the read-your-writes fallback asks the stub budget-service, which knows them
 * not); no token, 401.
 */
class PermissionMatrixIT extends RunningTransactionService {

    enum Caller { OWNER, ADMIN, AUTHOR_MEMBER, OTHER_MEMBER, VIEWER, NON_MEMBER, UNAUTHENTICATED, SYSTEM_ADMIN }

    /**
     * One endpoint and the status each caller gets, in {@link Caller} order. In paths, {budget}, {tx} (a transaction
     * the author member recorded) and {category} stand for the fixture's ids; {name} for a fresh category name.
     */
    record Row(HttpMethod method, String path, @Nullable String body, int... statuses) {}

    private static final String TX = "{\"type\": \"EXPENSE\", \"amount\": \"4.20\", \"occurredOn\": \"2026-05-01\"}";

    private static final String CSV = "type,amount,occurredOn\r\nEXPENSE,1.00,2026-05-02\r\n";

    static final List<Row> TABLE = List.of(
            //                                                                                    OWN  ADM  AUTH OTHR VIEW NON  ANON SYS
            new Row(HttpMethod.POST, "/api/budgets/{budget}/transactions", TX,                     201, 201, 201, 201, 403, 404, 401, 404),
            new Row(HttpMethod.GET, "/api/budgets/{budget}/transactions", null,                    200, 200, 200, 200, 200, 404, 401, 404),
            new Row(HttpMethod.GET, "/api/budgets/{budget}/transactions/{tx}", null,               200, 200, 200, 200, 200, 404, 401, 404),
            new Row(HttpMethod.PUT, "/api/budgets/{budget}/transactions/{tx}", TX,                 200, 200, 200, 403, 403, 404, 401, 404),
            new Row(HttpMethod.DELETE, "/api/budgets/{budget}/transactions/{tx}", null,            204, 204, 204, 403, 403, 404, 401, 404),
            new Row(HttpMethod.GET, "/api/budgets/{budget}/categories", null,                      200, 200, 200, 200, 200, 404, 401, 404),
            new Row(HttpMethod.POST, "/api/budgets/{budget}/categories", "{\"name\": \"{name}\", \"type\": \"EXPENSE\"}",
                                                                                                  201, 201, 403, 403, 403, 404, 401, 404),
            new Row(HttpMethod.PATCH, "/api/budgets/{budget}/categories/{category}", "{\"name\": \"{name}\"}",
                                                                                                  200, 200, 403, 403, 403, 404, 401, 404),
            new Row(HttpMethod.DELETE, "/api/budgets/{budget}/categories/{category}", null,        204, 204, 403, 403, 403, 404, 401, 404),
            new Row(HttpMethod.GET, "/api/budgets/{budget}/transactions/export", null,             200, 200, 200, 200, 200, 404, 401, 404),
            new Row(HttpMethod.GET, "/api/budgets/{budget}/transactions/export?from=2026-01-01&to=2026-12-31", null,
                                                                                                  200, 200, 200, 200, 200, 404, 401, 404),
            // the import's body is text/csv (CSV above); a viewer is refused before a byte of it is read
            new Row(HttpMethod.POST, "/api/budgets/{budget}/transactions/import", CSV,             200, 200, 200, 200, 403, 404, 401, 404),
            new Row(HttpMethod.POST, "/api/budgets/{budget}/transactions/import?dryRun=true", CSV, 200, 200, 200, 200, 403, 404, 401, 404));

    static Stream<Arguments> cases() {
        var cases = new ArrayList<Arguments>();
        for (var row : TABLE) {
            assertThat(row.statuses()).as("one status per caller: " + row).hasSize(Caller.values().length);
            for (var caller : Caller.values()) {
                cases.add(Arguments.of(row.method(), row.path(), row.body(), caller, row.statuses()[caller.ordinal()]));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1} as {3} → {4}")
    @MethodSource("cases")
    void answersEachCallerAsTheRolesSay(HttpMethod method, String path, @Nullable String body, Caller caller, int expected) {
        var team = team();
        var otherMember = user("other");
        memberInReplica(team.budget(), otherMember, "MEMBER");
        var tx = record(team.budget(), team.member(), TX).get("id").asString();
        var category = category(team.budget(), team.admin(), "Food", "EXPENSE");
        var who = switch (caller) {
            case OWNER -> team.owner();
            case ADMIN -> team.admin();
            case AUTHOR_MEMBER -> team.member();
            case OTHER_MEMBER -> otherMember;
            case VIEWER -> team.viewer();
            case NON_MEMBER -> user("stranger");
            case UNAUTHENTICATED -> null;
            case SYSTEM_ADMIN -> user("root", "USER", "ADMIN", "SUPER_USER");
        };
        var before = rows("ledger_transaction", team.budget()) + rows("category", team.budget());

        var filled = fill(path, team.budget(), tx, category);
        var result = CSV.equals(body) ? csv(filled, who, body) : call(method, filled, who, body == null ? null : fill(body, team.budget(), tx, category));

        assertThat(result).hasStatus(expected);
        if (expected >= 400) {
            assertThat(result.getResponse().getContentType()).isEqualTo("application/problem+json");
            assertThat(rows("ledger_transaction", team.budget()) + rows("category", team.budget())).isEqualTo(before);
            assertThat(HttpStatus.valueOf(expected)).isNotEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        }
    }

    private MvcTestResult csv(String path, @Nullable User caller, String body) {
        var request = mvc.post().uri(path).contentType("text/csv").content(body.getBytes(StandardCharsets.UTF_8)).accept(MediaType.APPLICATION_JSON);
        if (caller != null) {
            request = request.header(HttpHeaders.AUTHORIZATION, "Bearer " + caller.token());
        }
        return request.exchange();
    }

    private static String fill(String template, UUID budget, String tx, UUID category) {
        return template.replace("{budget}", budget.toString()).replace("{tx}", tx).replace("{category}", category.toString())
                .replace("{name}", "Fresh " + UUID.randomUUID().toString().substring(0, 8));
    }
}
