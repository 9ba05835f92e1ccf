package dev.kitty.transaction.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The summary and chart endpoints against every kind of caller: a member of any role reads them (VIEWER+); a
 * non-member, a removed member and a system administrator who is no member get 404 (never 403); no token, 401.
 */
class SummaryPermissionIT extends SummaryTestSupport {

    enum Caller { OWNER, ADMIN, MEMBER, VIEWER, REMOVED_MEMBER, NON_MEMBER, SYSTEM_ADMIN, UNAUTHENTICATED }

    static final String[] PATHS = {"/summary", "/summary?from=2026-01-01&to=2026-12-31", "/charts/monthly.svg", "/charts/categories.svg",
        "/charts/monthly.svg?from=2026-01-01&to=2026-06-30", "/charts/categories.svg?from=2026-02-01"};

    static Stream<Arguments> cases() {
        var cases = new ArrayList<Arguments>();
        for (var path : PATHS) {
            for (var caller : Caller.values()) {
                var expected = switch (caller) {
                    case OWNER, ADMIN, MEMBER, VIEWER -> 200;
                    case REMOVED_MEMBER, NON_MEMBER, SYSTEM_ADMIN -> 404;
                    case UNAUTHENTICATED -> 401;
                };
                cases.add(Arguments.of(path, caller, expected));
            }
        }
        // bad input is checked after the caller: a stranger learns nothing, not even that the period was wrong
        cases.add(Arguments.of("/summary?from=2026-02-01&to=2026-01-01", Caller.VIEWER, 400));
        cases.add(Arguments.of("/summary?from=2026-02-01&to=2026-01-01", Caller.NON_MEMBER, 404));
        cases.add(Arguments.of("/charts/monthly.svg?from=nonsense", Caller.VIEWER, 400));
        cases.add(Arguments.of("/charts/categories.svg?to=2026-02-30", Caller.VIEWER, 400));
        return cases.stream();
    }

    @ParameterizedTest(name = "GET {0} as {1} → {2}")
    @MethodSource("cases")
    void answersEachCallerAsTheRolesSay(String path, Caller caller, int expected) {
        var owner = UUID.randomUUID();
        var admin = UUID.randomUUID();
        var member = UUID.randomUUID();
        var viewer = UUID.randomUUID();
        var removed = UUID.randomUUID();
        var budget = ledger.budget("EUR", owner, "OWNER", admin, "ADMIN", member, "MEMBER", viewer, "VIEWER");
        jdbc.sql("INSERT INTO budget_member (budget_id, user_id, role, joined_at, updated_at, version, removed_at) VALUES (:b, :u, NULL, NULL, now(), 2, now())")
                .param("b", budget).param("u", removed).update();
        var who = switch (caller) {
            case OWNER -> owner;
            case ADMIN -> admin;
            case MEMBER -> member;
            case VIEWER -> viewer;
            case REMOVED_MEMBER -> removed;
            case NON_MEMBER, SYSTEM_ADMIN -> UUID.randomUUID();
            case UNAUTHENTICATED -> null;
        };

        var result = caller == Caller.SYSTEM_ADMIN
                ? get("/api/budgets/" + budget + path, who, "USER", "ADMIN", "SUPER_USER")
                : get("/api/budgets/" + budget + path, who);

        assertThat(result).hasStatus(expected);
        if (expected >= 400) {
            assertThat(result.getResponse().getContentType()).isEqualTo("application/problem+json");
        }
    }
}
