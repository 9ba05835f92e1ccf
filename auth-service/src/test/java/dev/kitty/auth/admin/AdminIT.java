package dev.kitty.auth.admin;

import static dev.kitty.auth.AuthApi.PASSWORD;
import static dev.kitty.auth.AuthApi.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.SignedJWT;
import dev.kitty.auth.AuthApi;
import dev.kitty.auth.RunningAuthService;
import dev.kitty.platform.security.JwtPolicy;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpMethod;

/** System roles and account locks with real tokens against the real service and database. */
class AdminIT extends RunningAuthService {

    record Person(UUID id, String email, String token) {}

    /**
     * OWASP API5:2023 (broken function level authorization), ASVS 5.0 V8.2.1: a USER and an ADMIN try
     * every admin function above them, incl. an ADMIN granting themselves SUPER_USER; each is 403 and
     * nothing changes.
     */
    @Test
    void refusesRoleEscalationByAUserAndByAnAdminOnEveryAdminEndpoint() {
        var user = person("user");
        var admin = person("admin", "ADMIN");
        var otherAdmin = person("admin2", "ADMIN");
        var superUser = person("su", "SUPER_USER");
        var before = standing();

        record Attempt(String who, String token, HttpMethod method, String path, @Nullable Map<String, ?> body) {}
        var attempts = List.of(
                new Attempt("USER lists users", user.token(), HttpMethod.GET, "/api/admin/users", null),
                new Attempt("USER grants themselves SUPER_USER", user.token(), HttpMethod.PUT, "/api/admin/users/" + user.id() + "/roles",
                        Map.of("roles", List.of("USER", "ADMIN", "SUPER_USER"))),
                new Attempt("USER locks a USER", user.token(), HttpMethod.POST, "/api/admin/users/" + admin.id() + "/lock", null),
                new Attempt("USER unlocks", user.token(), HttpMethod.POST, "/api/admin/users/" + admin.id() + "/unlock", null),
                new Attempt("USER rotates keys", user.token(), HttpMethod.POST, "/api/admin/keys/rotate", null),
                new Attempt("ADMIN grants themselves SUPER_USER", admin.token(), HttpMethod.PUT,
                        "/api/admin/users/" + admin.id() + "/roles", Map.of("roles", List.of("USER", "ADMIN", "SUPER_USER"))),
                new Attempt("ADMIN grants a USER ADMIN", admin.token(), HttpMethod.PUT, "/api/admin/users/" + user.id() + "/roles",
                        Map.of("roles", List.of("USER", "ADMIN"))),
                new Attempt("ADMIN demotes a SUPER_USER", admin.token(), HttpMethod.PUT, "/api/admin/users/" + superUser.id() + "/roles",
                        Map.of("roles", List.of("USER"))),
                new Attempt("ADMIN locks an ADMIN", admin.token(), HttpMethod.POST, "/api/admin/users/" + otherAdmin.id() + "/lock", null),
                new Attempt("ADMIN locks a SUPER_USER", admin.token(), HttpMethod.POST, "/api/admin/users/" + superUser.id() + "/lock", null),
                new Attempt("ADMIN unlocks an ADMIN", admin.token(), HttpMethod.POST, "/api/admin/users/" + otherAdmin.id() + "/unlock",
                        null),
                new Attempt("ADMIN rotates keys", admin.token(), HttpMethod.POST, "/api/admin/keys/rotate", null));

        for (var attempt : attempts) {
            var response = api.call(attempt.method(), attempt.path(), attempt.body(), attempt.token());
            assertThat(response.status()).as(attempt.who()).isEqualTo(403);
            assertThat(response.headers().getContentType()).as(attempt.who()).hasToString("application/problem+json");
        }
        assertThat(standing()).isEqualTo(before);
        assertThat(roles(login(admin.email()))).as("no new token carries more either").containsExactly("ADMIN", "USER");
    }

    /** ASVS 5.0 V8.3.2: role changes reach the next token; access tokens live at most 10 minutes. */
    @Test
    void aSuperUserGrantsAndRevokesRolesEffectiveAtTheNextToken() {
        var superUser = person("su", "SUPER_USER");
        var target = person("target");

        var granted = api.call(HttpMethod.PUT, "/api/admin/users/" + target.id() + "/roles", Map.of("roles", List.of("ADMIN")),
                superUser.token());

        assertThat(granted.status()).as(granted.body()).isEqualTo(200);
        assertThat(granted.field("id")).isEqualTo(target.id().toString());
        assertThat(granted.json().get("roles").toString()).isEqualTo("[\"ADMIN\",\"USER\"]");
        assertThat(roles(target.token())).as("the old token is unchanged").containsExactly("USER");
        assertThat(roles(login(target.email()))).containsExactly("ADMIN", "USER");

        var revoked = api.call(HttpMethod.PUT, "/api/admin/users/" + target.id() + "/roles", Map.of("roles", List.of()), superUser.token());
        assertThat(revoked.json().get("roles").toString()).as("USER always stays").isEqualTo("[\"USER\"]");
    }

    @Test
    void refusesUnknownRolesAndUnknownUsers() {
        var superUser = person("su", "SUPER_USER");
        var target = person("target");

        var unknownRole = api.call(HttpMethod.PUT, "/api/admin/users/" + target.id() + "/roles", Map.of("roles", List.of("ROOT")),
                superUser.token());
        assertThat(unknownRole.status()).isEqualTo(400);
        assertThat(unknownRole.body()).contains("ROOT");

        var unknownUser = api.call(HttpMethod.PUT, "/api/admin/users/" + UUID.randomUUID() + "/roles", Map.of("roles", List.of("USER")),
                superUser.token());
        assertThat(unknownUser.status()).isEqualTo(404);
        assertThat(api.call(HttpMethod.POST, "/api/admin/users/" + UUID.randomUUID() + "/lock", null, superUser.token()).status())
                .isEqualTo(404);
        assertThat(roles(login(target.email()))).containsExactly("USER");
    }

    /** The last active SUPER_USER cannot step down: nobody could grant the role again. */
    @Test
    void theLastSuperUserCannotRemoveTheirOwnSuperUserRole() {
        var superUser = person("su", "SUPER_USER");
        // the database is shared by every test: make this one the only super user
        jdbc.sql("DELETE FROM account_role WHERE role = 'SUPER_USER' AND account_id <> ?").param(superUser.id()).update();

        var stepDown = api.call(HttpMethod.PUT, "/api/admin/users/" + superUser.id() + "/roles", Map.of("roles", List.of("ADMIN")),
                superUser.token());

        assertThat(stepDown.status()).isEqualTo(409);
        assertThat(stepDown.field("type")).endsWith("last-super-user");
        assertThat(roles(login(superUser.email()))).contains("SUPER_USER");

        var successor = person("successor", "SUPER_USER");
        assertThat(api.call(HttpMethod.PUT, "/api/admin/users/" + superUser.id() + "/roles", Map.of("roles", List.of("ADMIN")),
                superUser.token()).status()).as("with a successor it may").isEqualTo(200);
        assertThat(successor.id()).isNotNull();
    }

    /**
     * OWASP ASVS 5.0 V7.4.2: locking ends every way in: login, refresh, exchange with password or PAT;
     * the refresh tokens and PATs are revoked and stay revoked after unlocking.
     */
    @Test
    void lockingEndsLoginRefreshAndExchangeAndRevokesTokensForGood() {
        var admin = person("admin", "ADMIN");
        var target = person("target");
        var refresh = api.login(target.email(), PASSWORD).field("refresh_token");
        var pat = api.call(HttpMethod.POST, "/api/auth/tokens", Map.of("name", "ci"), target.token()).field("token");

        assertThat(api.call(HttpMethod.POST, "/api/admin/users/" + target.id() + "/lock", null, admin.token()).status()).isEqualTo(204);

        assertThat(api.login(target.email(), PASSWORD).field("type")).endsWith("invalid-credentials");
        assertThat(api.refresh(refresh).status()).isEqualTo(401);
        assertThat(exchange(target.email(), PASSWORD).field("type")).endsWith("invalid-credentials");
        assertThat(exchange(target.email(), pat).field("type")).endsWith("invalid-credentials");
        assertThat(count("SELECT count(*) FROM refresh_token WHERE account_id = ? AND revoked_at IS NULL", target.id())).isZero();
        assertThat(count("SELECT count(*) FROM personal_access_token WHERE account_id = ? AND revoked_at IS NULL", target.id())).isZero();
        assertThat(statusOf(target.id())).isEqualTo("LOCKED");

        assertThat(api.call(HttpMethod.POST, "/api/admin/users/" + target.id() + "/unlock", null, admin.token()).status()).isEqualTo(204);

        assertThat(api.login(target.email(), PASSWORD).status()).isEqualTo(200);
        assertThat(api.refresh(refresh).status()).as("old sessions stay ended").isEqualTo(401);
        assertThat(exchange(target.email(), pat).status()).as("old PATs stay revoked").isEqualTo(401);
    }

    @Test
    void nobodyLocksThemselvesAndOnlyASuperUserLocksAnAdmin() {
        var superUser = person("su", "SUPER_USER");
        var admin = person("admin", "ADMIN");

        var self = api.call(HttpMethod.POST, "/api/admin/users/" + superUser.id() + "/lock", null, superUser.token());
        assertThat(self.status()).isEqualTo(409);
        assertThat(api.call(HttpMethod.POST, "/api/admin/users/" + admin.id() + "/lock", null, admin.token()).status()).isEqualTo(409);

        assertThat(api.call(HttpMethod.POST, "/api/admin/users/" + admin.id() + "/lock", null, superUser.token()).status()).isEqualTo(204);
        assertThat(statusOf(admin.id())).isEqualTo("LOCKED");
        assertThat(statusOf(superUser.id())).isEqualTo("ACTIVE");
    }

    /**
     * ASVS 5.0 V8.3.2 / V7.4.1: an ADMIN locked a moment ago can no longer administer; the lock revokes the
     * access token they still hold (issue 6), and the stored-role check would refuse it anyway.
     */
    @Test
    void aLockedAdminsTokenIsRefusedAtOnce() {
        var superUser = person("su", "SUPER_USER");
        var admin = person("admin", "ADMIN");
        var user = person("user");
        api.call(HttpMethod.POST, "/api/admin/users/" + admin.id() + "/lock", null, superUser.token());

        assertThat(api.call(HttpMethod.POST, "/api/admin/users/" + user.id() + "/lock", null, admin.token()).status()).isEqualTo(401);
        assertThat(api.call(HttpMethod.GET, "/api/admin/users", null, admin.token()).status()).isEqualTo(401);
        assertThat(statusOf(user.id())).isEqualTo("ACTIVE");
    }

    @Test
    void listsUsersInPagesOfAtMost100() {
        var admin = person("admin", "ADMIN");
        var target = person("listed");
        jdbc.sql("UPDATE account SET created_at = '1970-01-01T00:00:00Z' WHERE id = ?").param(target.id()).update();

        var page = api.call(HttpMethod.GET, "/api/admin/users?page=0&size=2", null, admin.token());

        assertThat(page.status()).as(page.body()).isEqualTo(200);
        var first = page.json().get("content").get(0);
        assertThat(first.get("id").asString()).as("oldest first").isEqualTo(target.id().toString());
        assertThat(first.get("email").asString()).isEqualTo(target.email());
        assertThat(first.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(first.get("mfaEnabled").asBoolean()).isFalse();
        assertThat(first.has("passwordHash")).isFalse();
        assertThat(page.json().get("page").get("size").asInt()).isEqualTo(2);
        assertThat(page.json().get("page").get("totalElements").asLong()).isEqualTo(count("SELECT count(*) FROM account"));

        assertThat(api.call(HttpMethod.GET, "/api/admin/users?size=101", null, admin.token()).status()).isEqualTo(400);
        assertThat(api.call(HttpMethod.GET, "/api/admin/users?page=-1", null, admin.token()).status()).isEqualTo(400);
    }

    /** A registered user holding {@code extraRoles} in the database, signed in with a token that says so. */
    private Person person(String name, String... extraRoles) {
        var email = uniqueEmail(name);
        var id = api.register(email);
        for (var role : extraRoles) {
            jdbc.sql("INSERT INTO account_role (account_id, role) VALUES (?, ?)").params(id, role).update();
        }
        return new Person(id, email, login(email));
    }

    private String login(String email) {
        var login = api.login(email, PASSWORD);
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        return login.field("access_token");
    }

    private static List<String> roles(String token) {
        try {
            return SignedJWT.parse(token).getJWTClaimsSet().getStringListClaim(JwtPolicy.ROLES_CLAIM);
        } catch (java.text.ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> standing() {
        return jdbc.sql("""
                SELECT a.id || ' ' || a.status || ' ' || string_agg(r.role, ',' ORDER BY r.role)
                FROM account a JOIN account_role r ON r.account_id = a.id GROUP BY a.id, a.status ORDER BY a.id""")
                .query(String.class).list();
    }

    private String statusOf(UUID id) {
        return jdbc.sql("SELECT status FROM account WHERE id = ?").param(id).query(String.class).single();
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    private AuthApi.Response exchange(String email, String secret) {
        return api.exchange(email, secret, EXCHANGE_CLIENT_SECRET);
    }
}
