package dev.kitty.budget;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

/**
 * Bad input on every endpoint, sent by the budget's owner (who may do everything): 400
 * problem+json, naming the field when one is to blame, and nothing changes.
 */
class BadInputIT extends RunningBudgetService {

    private static final String LONG_NAME = "x".repeat(101);

    static Stream<Arguments> badRequests() {
        return Stream.of(
                bad(HttpMethod.POST, "/api/budgets", "{}", "name"),
                bad(HttpMethod.POST, "/api/budgets", "{\"name\": \"Trip\"}", "currency"),
                bad(HttpMethod.POST, "/api/budgets", "{\"currency\": \"EUR\"}", "name"),
                bad(HttpMethod.POST, "/api/budgets", "{\"name\": \"Trip\", \"currency\": \"XYZ\"}", "currency"),
                bad(HttpMethod.POST, "/api/budgets", "{\"name\": \"Trip\", \"currency\": \"eur\"}", "currency"),
                bad(HttpMethod.POST, "/api/budgets", "{\"name\": \"Trip\", \"currency\": \"EURO\"}", "currency"),
                bad(HttpMethod.POST, "/api/budgets", "{\"name\": \"Trip\", \"currency\": \"EUR\", \"timeZone\": \"Mars/Olympus\"}", "timeZone"),
                bad(HttpMethod.POST, "/api/budgets", "{\"name\": \"Trip\", \"currency\": \"EUR\", \"timeZone\": \"+02:00\"}", "timeZone"),
                bad(HttpMethod.POST, "/api/budgets", "{\"name\": \"" + LONG_NAME + "\", \"currency\": \"EUR\"}", "name"),
                bad(HttpMethod.POST, "/api/budgets", "{\"name\": \"   \", \"currency\": \"EUR\"}", "name"),
                bad(HttpMethod.POST, "/api/budgets", "{\"name\": \"\\u202Eevil\", \"currency\": \"EUR\"}", "name"),
                bad(HttpMethod.POST, "/api/budgets", "{\"name\": \"Trip\", \"currency\": \"EUR\", \"description\": \"" + "d".repeat(1001) + "\"}",
                        "description"),
                bad(HttpMethod.POST, "/api/budgets", "{\"name\": 42, \"currency\": \"EUR\"}", "name"),
                bad(HttpMethod.POST, "/api/budgets", "{\"name\": \"Trip\", \"currency\": ", null),
                bad(HttpMethod.GET, "/api/budgets?size=0", null, null),
                bad(HttpMethod.GET, "/api/budgets?size=101", null, null),
                bad(HttpMethod.GET, "/api/budgets?page=-1", null, null),
                bad(HttpMethod.GET, "/api/budgets?size=lots", null, null),
                bad(HttpMethod.GET, "/api/budgets/not-a-uuid", null, null),
                bad(HttpMethod.PATCH, "/api/budgets/{budget}", "{\"name\": \"\"}", "name"),
                bad(HttpMethod.PATCH, "/api/budgets/{budget}", "{\"name\": \"" + LONG_NAME + "\"}", "name"),
                bad(HttpMethod.PATCH, "/api/budgets/{budget}", "{\"description\": \"" + "d".repeat(1001) + "\"}", "description"),
                bad(HttpMethod.PATCH, "/api/budgets/{budget}", "{\"name\": ", null),
                bad(HttpMethod.PATCH, "/api/budgets/not-a-uuid", "{\"name\": \"Renamed\"}", null),
                bad(HttpMethod.DELETE, "/api/budgets/not-a-uuid", null, null),
                bad(HttpMethod.GET, "/api/budgets/not-a-uuid/members", null, null),
                bad(HttpMethod.PATCH, "/api/budgets/{budget}/members/{member}", "{\"role\": \"KING\"}", "role"),
                bad(HttpMethod.PATCH, "/api/budgets/{budget}/members/{member}", "{\"role\": \"OWNER\"}", "role"),
                bad(HttpMethod.PATCH, "/api/budgets/{budget}/members/{member}", "{\"role\": \"viewer\"}", "role"),
                bad(HttpMethod.PATCH, "/api/budgets/{budget}/members/{member}", "{}", "role"),
                bad(HttpMethod.PATCH, "/api/budgets/{budget}/members/not-a-uuid", "{\"role\": \"VIEWER\"}", null),
                bad(HttpMethod.DELETE, "/api/budgets/{budget}/members/not-a-uuid", null, null),
                bad(HttpMethod.POST, "/api/budgets/{budget}/ownership", "{}", "userId"),
                bad(HttpMethod.POST, "/api/budgets/{budget}/ownership", "{\"userId\": \"nobody\"}", "userId"),
                bad(HttpMethod.POST, "/api/budgets/{budget}/invitations", "{\"email\": \"not-an-email\", \"role\": \"MEMBER\"}", "email"),
                bad(HttpMethod.POST, "/api/budgets/{budget}/invitations", "{\"email\": \"\", \"role\": \"MEMBER\"}", "email"),
                bad(HttpMethod.POST, "/api/budgets/{budget}/invitations", "{\"role\": \"MEMBER\"}", "email"),
                bad(HttpMethod.POST, "/api/budgets/{budget}/invitations",
                        "{\"email\": \"" + "a".repeat(250) + "@example.com\", \"role\": \"MEMBER\"}", "email"),
                bad(HttpMethod.POST, "/api/budgets/{budget}/invitations", "{\"email\": \"new@example.com\", \"role\": \"OWNER\"}", "role"),
                bad(HttpMethod.POST, "/api/budgets/{budget}/invitations", "{\"email\": \"new@example.com\", \"role\": \"KING\"}", "role"),
                bad(HttpMethod.POST, "/api/budgets/{budget}/invitations", "{\"email\": \"new@example.com\"}", "role"),
                bad(HttpMethod.POST, "/api/budgets/{budget}/invitations", "[]", null),
                bad(HttpMethod.GET, "/api/budgets/not-a-uuid/invitations", null, null),
                bad(HttpMethod.DELETE, "/api/budgets/{budget}/invitations/not-a-uuid", null, null),
                bad(HttpMethod.POST, "/api/invitations/not-a-uuid/accept", null, null),
                bad(HttpMethod.POST, "/api/invitations/not-a-uuid/decline", null, null));
    }

    private static Arguments bad(HttpMethod method, String path, @Nullable String body, @Nullable String field) {
        return Arguments.of(method, path, body, field);
    }

    @ParameterizedTest(name = "{0} {1} {2} → 400 ({3})")
    @MethodSource("badRequests")
    void refusesBadInputWithAProblemAndChangesNothing(HttpMethod method, String path, @Nullable String body, @Nullable String field) {
        var team = team();
        var before = snapshot(team);

        var result = call(method, path.replace("{budget}", team.budget().toString()).replace("{member}", team.member().id().toString()),
                team.owner(), body);

        var problem = expect(result, HttpStatus.BAD_REQUEST);
        assertThat(result.getResponse().getContentType()).isEqualTo("application/problem+json");
        assertThat(problem.get("type").asString()).startsWith("https://kitty.dev/problems/");
        if (field != null) {
            assertThat(problem.get("errors").valueStream().map(e -> e.get("field").asString())).contains(field);
        }
        assertThat(snapshot(team)).isEqualTo(before);
    }

    /** Everything of the team's budget, and every budget the owner belongs to. */
    private List<String> snapshot(Team team) {
        var budget = jdbc.sql("SELECT name || '|' || coalesce(description, '') || '|' || version || '|' || membership_version FROM budget WHERE id = :b")
                .param("b", team.budget()).query(String.class).list();
        var members = jdbc.sql("SELECT user_id || '=' || role FROM membership WHERE budget_id = :b ORDER BY user_id")
                .param("b", team.budget()).query(String.class).list();
        var invitations = jdbc.sql("SELECT id || '=' || status FROM invitation WHERE budget_id = :b ORDER BY id")
                .param("b", team.budget()).query(String.class).list();
        var ownersBudgets = jdbc.sql("SELECT count(*) FROM membership WHERE user_id = :u").param("u", team.owner().id())
                .query(String.class).single();
        return Stream.of(budget, members, invitations, List.of(ownersBudgets)).flatMap(List::stream).toList();
    }
}
