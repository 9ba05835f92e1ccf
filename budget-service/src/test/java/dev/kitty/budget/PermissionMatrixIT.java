package dev.kitty.budget;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpMethod;

/**
 * Every budget, member and invitation endpoint against every kind of caller, from one table, on
 * the real application with real access tokens. Each case runs against a fresh budget with an
 * owner, an admin, a member, a viewer and a pending invitation. Whoever is not a member (a
 * system ADMIN/SUPER_USER included) gets 404 for the budget, never 403; no token, 401.
 */
class PermissionMatrixIT extends RunningBudgetService {

    enum Caller { OWNER, ADMIN, MEMBER, VIEWER, NON_MEMBER, UNAUTHENTICATED, SYSTEM_ADMIN }

    /**
     * One endpoint and the status each caller gets, in {@link Caller} order. In paths and bodies,
     * {budget}, {owner}, {admin}, {member}, {viewer}, {invitation} and {fresh} (a new address)
     * stand for the fixture's ids.
     */
    record Row(HttpMethod method, String path, @Nullable String body, int... statuses) {}

    static final List<Row> TABLE = List.of(
            //                                                                                          OWN  ADM  MEM  VIE  NON  ANON SYS
            new Row(HttpMethod.POST, "/api/budgets", "{\"name\": \"Trip\", \"currency\": \"EUR\"}",       201, 201, 201, 201, 201, 401, 201),
            new Row(HttpMethod.GET, "/api/budgets", null,                                                200, 200, 200, 200, 200, 401, 200),
            new Row(HttpMethod.GET, "/api/budgets/{budget}", null,                                       200, 200, 200, 200, 404, 401, 404),
            new Row(HttpMethod.PATCH, "/api/budgets/{budget}", "{\"name\": \"Renamed\"}",                  200, 200, 403, 403, 404, 401, 404),
            new Row(HttpMethod.DELETE, "/api/budgets/{budget}", null,                                    204, 403, 403, 403, 404, 401, 404),
            new Row(HttpMethod.GET, "/api/budgets/{budget}/members", null,                               200, 200, 200, 200, 404, 401, 404),
            new Row(HttpMethod.PATCH, "/api/budgets/{budget}/members/{member}", "{\"role\": \"VIEWER\"}",  200, 200, 403, 403, 404, 401, 404),
            new Row(HttpMethod.PATCH, "/api/budgets/{budget}/members/{admin}", "{\"role\": \"MEMBER\"}",   200, 403, 403, 403, 404, 401, 404),
            new Row(HttpMethod.PATCH, "/api/budgets/{budget}/members/{owner}", "{\"role\": \"ADMIN\"}",    409, 403, 403, 403, 404, 401, 404),
            new Row(HttpMethod.DELETE, "/api/budgets/{budget}/members/{member}", null,                   204, 204, 204, 403, 404, 401, 404),
            new Row(HttpMethod.DELETE, "/api/budgets/{budget}/members/{viewer}", null,                   204, 204, 403, 204, 404, 401, 404),
            new Row(HttpMethod.DELETE, "/api/budgets/{budget}/members/{admin}", null,                    204, 204, 403, 403, 404, 401, 404),
            new Row(HttpMethod.DELETE, "/api/budgets/{budget}/members/{owner}", null,                    409, 403, 403, 403, 404, 401, 404),
            new Row(HttpMethod.POST, "/api/budgets/{budget}/ownership", "{\"userId\": \"{member}\"}",      200, 403, 403, 403, 404, 401, 404),
            new Row(HttpMethod.POST, "/api/budgets/{budget}/invitations", "{\"email\": \"{fresh}\", \"role\": \"MEMBER\"}",
                                                                                                        201, 201, 403, 403, 404, 401, 404),
            new Row(HttpMethod.POST, "/api/budgets/{budget}/invitations", "{\"email\": \"{fresh}\", \"role\": \"ADMIN\"}",
                                                                                                        201, 403, 403, 403, 404, 401, 404),
            new Row(HttpMethod.GET, "/api/budgets/{budget}/invitations", null,                           200, 200, 403, 403, 404, 401, 404),
            new Row(HttpMethod.DELETE, "/api/budgets/{budget}/invitations/{invitation}", null,           204, 204, 403, 403, 404, 401, 404),
            new Row(HttpMethod.GET, "/api/invitations", null,                                            200, 200, 200, 200, 200, 401, 200),
            // the pending invitation is addressed to none of the callers
            new Row(HttpMethod.POST, "/api/invitations/{invitation}/accept", null,                       404, 404, 404, 404, 404, 401, 404),
            new Row(HttpMethod.POST, "/api/invitations/{invitation}/decline", null,                      404, 404, 404, 404, 404, 401, 404));

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

    @ParameterizedTest(name = "{0} {1} {2} as {3} → {4}")
    @MethodSource("cases")
    void answersEachCallerAsTheRolesSay(HttpMethod method, String path, @Nullable String body, Caller caller, int expected) {
        var team = team();
        var who = switch (caller) {
            case OWNER -> team.owner();
            case ADMIN -> team.admin();
            case MEMBER -> team.member();
            case VIEWER -> team.viewer();
            case NON_MEMBER -> user("stranger");
            case UNAUTHENTICATED -> null;
            case SYSTEM_ADMIN -> user("root", "USER", "ADMIN", "SUPER_USER");
        };

        var result = call(method, fill(path, team), who, body == null ? null : fill(body, team));

        assertThat(result).hasStatus(expected);
        if (expected >= 400) {
            assertThat(result.getResponse().getContentType()).isEqualTo("application/problem+json");
        }
    }

    private static String fill(String template, Team team) {
        return template.replace("{budget}", team.budget().toString())
                .replace("{owner}", team.owner().id().toString())
                .replace("{admin}", team.admin().id().toString())
                .replace("{member}", team.member().id().toString())
                .replace("{viewer}", team.viewer().id().toString())
                .replace("{invitation}", team.pendingInvitation().toString())
                .replace("{fresh}", "fresh." + java.util.UUID.randomUUID() + "@example.com");
    }
}
