package dev.kitty.transaction.closing;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpMethod;

/**
 * The months endpoints against every kind of caller. Reading: a member of any role (VIEWER+); a non-member, a removed
 * member and a system administrator who is no member get 404 (never 403); no token, 401. The on-demand close: only a
 * system ADMIN or SUPER_USER signed in with a password, member or not; a budget owner without that role and a token
 * exchanged for a personal access token get 403; no token, 401.
 */
class MonthsPermissionIT extends ClosingTestSupport {

    enum Caller { OWNER, ADMIN, MEMBER, VIEWER, REMOVED_MEMBER, NON_MEMBER, SYSTEM_ADMIN, SUPER_USER, SYSTEM_ADMIN_BY_PAT, UNAUTHENTICATED }

    static Stream<Arguments> cases() {
        var cases = new ArrayList<Arguments>();
        for (var caller : Caller.values()) {
            cases.add(Arguments.of(HttpMethod.GET, "", caller, switch (caller) {
                case OWNER, ADMIN, MEMBER, VIEWER -> 200;
                case REMOVED_MEMBER, NON_MEMBER, SYSTEM_ADMIN, SUPER_USER, SYSTEM_ADMIN_BY_PAT -> 404;
                case UNAUTHENTICATED -> 401;
            }));
            cases.add(Arguments.of(HttpMethod.POST, "/2021-01/close", caller, switch (caller) {
                case SYSTEM_ADMIN, SUPER_USER -> 200;
                case OWNER, ADMIN, MEMBER, VIEWER, REMOVED_MEMBER, NON_MEMBER, SYSTEM_ADMIN_BY_PAT -> 403;
                case UNAUTHENTICATED -> 401;
            }));
        }
        cases.add(Arguments.of(HttpMethod.GET, "?size=0", Caller.VIEWER, 400));
        cases.add(Arguments.of(HttpMethod.GET, "?page=-1", Caller.VIEWER, 400));
        cases.add(Arguments.of(HttpMethod.GET, "?size=nonsense", Caller.VIEWER, 400));
        cases.add(Arguments.of(HttpMethod.POST, "/2021-13/close", Caller.SYSTEM_ADMIN, 400));
        cases.add(Arguments.of(HttpMethod.POST, "/21-01/close", Caller.SYSTEM_ADMIN, 400));
        cases.add(Arguments.of(HttpMethod.POST, "/1899-12/close", Caller.SYSTEM_ADMIN, 400));
        cases.add(Arguments.of(HttpMethod.POST, "/9999-01/close", Caller.SYSTEM_ADMIN, 400));
        cases.add(Arguments.of(HttpMethod.POST, "/2021-01/close", Caller.VIEWER, 403));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} months{1} as {2} → {3}")
    @MethodSource("cases")
    void answersEachCallerAsTheRolesSay(HttpMethod method, String path, Caller caller, int expected) {
        var team = teamIn("UTC", "2021-01-10T00:00:00Z");
        var removed = user("removed");
        memberInReplica(team.budget(), removed, "MEMBER");
        jdbc.sql("UPDATE budget_member SET role = NULL, joined_at = NULL, removed_at = now(), version = 2 WHERE budget_id = :b AND user_id = :u")
                .param("b", team.budget()).param("u", removed.id()).update();
        var who = switch (caller) {
            case OWNER -> team.owner();
            case ADMIN -> team.admin();
            case MEMBER -> team.member();
            case VIEWER -> team.viewer();
            case REMOVED_MEMBER -> removed;
            case NON_MEMBER -> user("stranger");
            case SYSTEM_ADMIN -> user("operator", "USER", "ADMIN");
            case SUPER_USER -> user("root", "USER", "SUPER_USER");
            case SYSTEM_ADMIN_BY_PAT -> patUser("USER", "ADMIN");
            case UNAUTHENTICATED -> null;
        };

        var result = call(method, "/api/budgets/" + team.budget() + "/months" + path, who, null);

        assertThat(result).hasStatus(expected);
        if (expected >= 400) {
            assertThat(result.getResponse().getContentType()).isEqualTo("application/problem+json");
        }
        if (method == HttpMethod.POST && expected != 200) {
            assertThat(closedMonths(team.budget())).as("a refused close changes nothing").isEmpty();
        }
    }

    /** A token as the exchange of a personal access token gives it: no {@code pwd} among its authentication methods. */
    private User patUser(String... roles) {
        var id = UUID.randomUUID();
        var email = "pat." + id + "@example.com";
        var claims = tokens.validClaims(id).claim("email", email).claim("email_verified", true)
                .claim("roles", List.of(roles)).claim("amr", List.of("pat")).build();
        return new User(id, email, tokens.sign(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(tokens.keyId()).build(), claims));
    }
}
