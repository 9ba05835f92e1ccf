package dev.kitty.transaction.goal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpMethod;

/**
 * Every goal endpoint against every kind of caller: VIEWER+ reads, MEMBER+ contributes, ADMIN+ creates, changes and
 * deletes; a member below the role gets 403; a non-member, a removed member and a system administrator who is no
 * member get 404 (never 403); no token, 401. A refused write changes nothing.
 */
class GoalPermissionIT extends GoalTestSupport {

    enum Caller { OWNER, ADMIN, MEMBER, VIEWER, REMOVED_MEMBER, NON_MEMBER, SYSTEM_ADMIN, UNAUTHENTICATED }

    /** An endpoint, its body, the least role it needs and its status on success. */
    enum Endpoint {
        LIST(HttpMethod.GET, "", null, "VIEWER", 200),
        CREATE(HttpMethod.POST, "", "{\"name\": \"New goal\", \"targetAmount\": \"10\"}", "ADMIN", 201),
        READ(HttpMethod.GET, "/{goal}", null, "VIEWER", 200),
        CHANGE(HttpMethod.PATCH, "/{goal}", "{\"name\": \"Renamed\"}", "ADMIN", 200),
        DELETE(HttpMethod.DELETE, "/{goal}", null, "ADMIN", 204),
        CONTRIBUTE(HttpMethod.POST, "/{goal}/contributions", "{\"amount\": \"5\"}", "MEMBER", 201),
        WITHDRAW(HttpMethod.POST, "/{goal}/contributions", "{\"amount\": \"-5\"}", "MEMBER", 201),
        ENTRIES(HttpMethod.GET, "/{goal}/entries", null, "VIEWER", 200);

        final HttpMethod method;
        final String path;
        final String body;
        final String least;
        final int success;

        Endpoint(HttpMethod method, String path, String body, String least, int success) {
            this.method = method;
            this.path = path;
            this.body = body;
            this.least = least;
            this.success = success;
        }
    }

    private static final java.util.List<String> RANKS = java.util.List.of("VIEWER", "MEMBER", "ADMIN", "OWNER");

    static Stream<Arguments> cases() {
        var cases = new ArrayList<Arguments>();
        for (var endpoint : Endpoint.values()) {
            for (var caller : Caller.values()) {
                var expected = switch (caller) {
                    case OWNER, ADMIN, MEMBER, VIEWER -> RANKS.indexOf(caller.name()) >= RANKS.indexOf(endpoint.least) ? endpoint.success : 403;
                    case REMOVED_MEMBER, NON_MEMBER, SYSTEM_ADMIN -> 404;
                    case UNAUTHENTICATED -> 401;
                };
                cases.add(Arguments.of(endpoint, caller, expected));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} as {1} → {2}")
    @MethodSource("cases")
    void answersEachCallerAsTheRolesSay(Endpoint endpoint, Caller caller, int expected) {
        var team = team();
        var goal = createGoal(team.budget(), team.owner(), "Car", "100");
        contribute(team.budget(), goal, team.owner(), "50");
        var removed = user("removed");
        jdbc.sql("INSERT INTO budget_member (budget_id, user_id, role, joined_at, updated_at, version, removed_at) VALUES (:b, :u, NULL, NULL, now(), 2, now())")
                .param("b", team.budget()).param("u", removed.id()).update();
        var who = switch (caller) {
            case OWNER -> team.owner();
            case ADMIN -> team.admin();
            case MEMBER -> team.member();
            case VIEWER -> team.viewer();
            case REMOVED_MEMBER -> removed;
            case NON_MEMBER -> user("stranger");
            case SYSTEM_ADMIN -> user("operator", "USER", "ADMIN", "SUPER_USER");
            case UNAUTHENTICATED -> null;
        };
        var before = state(team.budget());

        var result = call(endpoint.method, goals(team.budget()) + endpoint.path.replace("{goal}", goal.toString()), who, endpoint.body);

        assertThat(result).hasStatus(expected);
        if (expected >= 400) {
            assertThat(result.getResponse().getContentType()).isEqualTo("application/problem+json");
            assertThat(state(team.budget())).as("a refused request changes nothing").isEqualTo(before);
        }
    }

    /** The budget's goals and entries, all of them. */
    private String state(UUID budget) {
        return jdbc.sql("SELECT string_agg(id || name || target_amount || version, ',' ORDER BY id) FROM goal WHERE budget_id = :b")
                .param("b", budget).query(String.class).single()
                + jdbc.sql("SELECT count(*) || ':' || coalesce(sum(amount), 0) FROM goal_entry WHERE budget_id = :b")
                .param("b", budget).query(String.class).single();
    }
}
