package dev.kitty.auth.pat;

import static dev.kitty.auth.AuthApi.PASSWORD;
import static dev.kitty.auth.AuthApi.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.SignedJWT;
import dev.kitty.auth.AuthApi;
import dev.kitty.auth.RunningAuthService;
import dev.kitty.platform.security.JwtPolicy;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpMethod;

/** Personal access tokens over real HTTP and PostgreSQL, and their use at the Basic-auth exchange. */
class PersonalAccessTokenIT extends RunningAuthService {

    @Test
    void createsListsAndRevokesATokenWhoseSecretIsShownOnceAndStoredOnlyAsAHash() {
        var email = uniqueEmail("ann");
        var userId = api.register(email);
        var access = accessToken(email);

        var created = api.call(HttpMethod.POST, "/api/auth/tokens", Map.of("name", "ci", "expiresInDays", 30), access);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().getCacheControl()).isEqualTo("no-store");
        var token = created.field("token");
        var id = created.field("id");
        assertThat(token).startsWith("kitty_pat_");
        assertThat(created.field("expiresAt")).isNotBlank();

        var stored = jdbc.sql("SELECT lookup_id, secret_hash FROM personal_access_token WHERE account_id = ?").param(userId)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2))).single();
        var parsed = PatSecret.parse(token).orElseThrow();
        assertThat(stored.getKey()).isEqualTo(parsed.lookupId());
        assertThat(stored.getValue()).isEqualTo(parsed.hash()).doesNotContain(parsed.secret());

        var listed = api.call(HttpMethod.GET, "/api/auth/tokens", null, access);
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.json().get(0).get("id").asString()).isEqualTo(id);
        assertThat(listed.json().get(0).get("name").asString()).isEqualTo("ci");
        assertThat(listed.body()).doesNotContain(parsed.secret()).doesNotContain(stored.getValue());

        assertThat(api.call(HttpMethod.DELETE, "/api/auth/tokens/" + id, null, access).status()).isEqualTo(204);
        assertThat(api.call(HttpMethod.GET, "/api/auth/tokens", null, access).json().size()).isZero();
        assertThat(api.call(HttpMethod.DELETE, "/api/auth/tokens/" + id, null, access).status()).as("already revoked").isEqualTo(404);
    }

    @Test
    void exchangesATokenForAnAccessTokenSayingPatAndRecordsTheUse() throws Exception {
        var email = uniqueEmail("bob");
        api.register(email);
        var token = createToken(email, null);

        var exchanged = exchange(email, token);

        assertThat(exchanged.status()).as(exchanged.body()).isEqualTo(200);
        assertThat(exchanged.json().has("refresh_token")).isFalse();
        var claims = SignedJWT.parse(exchanged.field("access_token")).getJWTClaimsSet();
        assertThat(claims.getStringListClaim(JwtPolicy.AUTHENTICATION_METHODS_CLAIM)).containsExactly("pat");
        assertThat(claims.getStringClaim(JwtPolicy.EMAIL_CLAIM)).isEqualTo(email);
        assertThat(api.call(HttpMethod.GET, "/api/admin/users", null, exchanged.field("access_token")).status())
                .as("the exchanged token authenticates (a plain user is then forbidden, not unauthenticated)").isEqualTo(403);
        var listed = api.call(HttpMethod.GET, "/api/auth/tokens", null, accessToken(email));
        assertThat(listed.json().get(0).get("lastUsedAt").isNull()).isFalse();
    }

    /** OWASP API2:2023 (broken authentication), ASVS 5.0 V7.4.1: a revoked PAT never authenticates again. */
    @Test
    void neverExchangesARevokedToken() {
        var email = uniqueEmail("cy");
        api.register(email);
        var access = accessToken(email);
        var created = api.call(HttpMethod.POST, "/api/auth/tokens", Map.of("name", "laptop"), access);
        assertThat(exchange(email, created.field("token")).status()).isEqualTo(200);

        api.call(HttpMethod.DELETE, "/api/auth/tokens/" + created.field("id"), null, access);

        var refused = exchange(email, created.field("token"));
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.field("type")).isEqualTo("https://kitty.dev/problems/invalid-credentials");
    }

    /** OWASP API2:2023: an expired PAT never authenticates. */
    @Test
    void neverExchangesAnExpiredToken() {
        var email = uniqueEmail("dee");
        var userId = api.register(email);
        var token = createToken(email, 1);
        jdbc.sql("UPDATE personal_access_token SET created_at = now() - interval '2 days', expires_at = now() - interval '1 second' "
                + "WHERE account_id = ?").param(userId).update();

        var refused = exchange(email, token);

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.field("type")).isEqualTo("https://kitty.dev/problems/invalid-credentials");
    }

    /** OWASP API1:2023 (BOLA), ASVS 5.0 V8.2.2: another user's token id is not found, and stays untouched. */
    @Test
    void cannotRevokeAnotherUsersToken() {
        var owner = uniqueEmail("eve");
        api.register(owner);
        var ownerAccess = accessToken(owner);
        var created = api.call(HttpMethod.POST, "/api/auth/tokens", Map.of("name", "mine"), ownerAccess);
        var intruder = uniqueEmail("mallory");
        api.register(intruder);

        var attempt = api.call(HttpMethod.DELETE, "/api/auth/tokens/" + created.field("id"), null, accessToken(intruder));

        assertThat(attempt.status()).isEqualTo(404);
        assertThat(api.call(HttpMethod.GET, "/api/auth/tokens", null, accessToken(intruder)).json().size()).isZero();
        assertThat(exchange(owner, created.field("token")).status()).isEqualTo(200);
    }

    /** OWASP API1:2023: a PAT opens only its own account, whatever address is sent with it. */
    @Test
    void aTokenOpensOnlyItsOwnAccount() {
        var owner = uniqueEmail("fay");
        api.register(owner);
        var token = createToken(owner, null);
        var victim = uniqueEmail("gus");
        api.register(victim);

        var refused = exchange(victim, token);

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.field("type")).isEqualTo("https://kitty.dev/problems/invalid-credentials");
    }

    /** OWASP ASVS 5.0 V6.4: an access token obtained with a PAT cannot create further PATs. */
    @Test
    void aTokenFromAPatCannotCreateMorePats() {
        var email = uniqueEmail("hal");
        api.register(email);
        var fromPat = exchange(email, createToken(email, null)).field("access_token");

        var attempt = api.call(HttpMethod.POST, "/api/auth/tokens", Map.of("name", "persistence"), fromPat);

        assertThat(attempt.status()).isEqualTo(403);
        assertThat(attempt.field("type")).isEqualTo("https://kitty.dev/problems/interactive-login-required");
        assertThat(api.call(HttpMethod.GET, "/api/auth/tokens", null, accessToken(email)).json().size()).isOne();
    }

    @Test
    void refusesInvalidInputAndChangesNothing() {
        var email = uniqueEmail("ivy");
        var userId = api.register(email);
        var access = accessToken(email);

        for (var body : java.util.List.<Map<String, ?>>of(Map.of(), Map.of("name", ""), Map.of("name", "x".repeat(81)),
                Map.of("name", "ci", "expiresInDays", 0), Map.of("name", "ci", "expiresInDays", 3651),
                Map.of("name", "ci", "expiresInDays", "later"))) {
            var refused = api.call(HttpMethod.POST, "/api/auth/tokens", body, access);
            assertThat(refused.status()).as(body.toString()).isEqualTo(400);
            assertThat(refused.headers().getContentType()).hasToString("application/problem+json");
        }
        assertThat(jdbc.sql("SELECT count(*) FROM personal_access_token WHERE account_id = ?").param(userId).query(Long.class).single())
                .isZero();
    }

    private String accessToken(String email) {
        var login = api.login(email, PASSWORD);
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        return login.field("access_token");
    }

    private String createToken(String email, @Nullable Integer expiresInDays) {
        var body = expiresInDays == null ? Map.of("name", "token-" + UUID.randomUUID()) : Map.of("name", "ci", "expiresInDays", expiresInDays);
        var created = api.call(HttpMethod.POST, "/api/auth/tokens", body, accessToken(email));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.field("token");
    }

    private AuthApi.Response exchange(String email, String secret) {
        return api.exchange(email, secret, EXCHANGE_CLIENT_SECRET);
    }
}
