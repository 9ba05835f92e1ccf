package dev.kitty.auth.session;

import static dev.kitty.auth.AuthApi.PASSWORD;
import static dev.kitty.auth.AuthApi.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import dev.kitty.auth.AuthApi;
import dev.kitty.auth.RunningAuthService;
import dev.kitty.platform.security.JwtPolicy;
import dev.kitty.platform.test.TestTokens;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

class SessionIT extends RunningAuthService {

    @Autowired
    TestTokens foreignIssuer;

    @Test
    void issuesAnAccessTokenThatVerifiesAgainstThePublishedJwks() throws Exception {
        var email = uniqueEmail("ann");
        var userId = api.register(email);
        var before = new Date((System.currentTimeMillis() / 1000) * 1000);

        var response = api.login(email, PASSWORD);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers().getCacheControl()).isEqualTo("no-store");
        assertThat(response.field("token_type")).isEqualTo("Bearer");
        assertThat(response.json().get("expires_in").asLong()).isEqualTo(600);
        assertThat(response.field("refresh_token")).hasSizeGreaterThanOrEqualTo(43); // 256 bits in Base64

        var jwt = SignedJWT.parse(response.field("access_token"));
        var jwks = JWKSet.parse(api.get("/oauth2/jwks").body());
        var key = (RSAKey) jwks.getKeyByKeyId(jwt.getHeader().getKeyID());
        assertThat(key).as("key named by kid is published").isNotNull();
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(jwt.verify(new RSASSAVerifier(key))).isTrue();

        var claims = jwt.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo(TestTokens.ISSUER); // kitty.security.issuer of the test context
        assertThat(claims.getSubject()).isEqualTo(userId.toString());
        assertThat(claims.getAudience()).containsExactly("kitty-api");
        assertThat(claims.getIssueTime()).isAfterOrEqualTo(before);
        assertThat(claims.getNotBeforeTime()).isEqualTo(claims.getIssueTime());
        assertThat(claims.getExpirationTime().getTime() - claims.getIssueTime().getTime()).isEqualTo(Duration.ofMinutes(10).toMillis());
        assertThat(claims.getJWTID()).isNotBlank();
        assertThat(claims.getStringClaim(JwtPolicy.EMAIL_CLAIM)).isEqualTo(email);
        assertThat(claims.getBooleanClaim("email_verified")).isFalse();
        assertThat(claims.getStringListClaim(JwtPolicy.ROLES_CLAIM)).containsExactly("USER");
        assertThat(claims.getStringListClaim(JwtPolicy.AUTHENTICATION_METHODS_CLAIM)).containsExactly("pwd");
        assertThat(claims.getStringClaim(JwtPolicy.TOKEN_USE_CLAIM)).isEqualTo("access");
    }

    @Test
    void acceptsItsOwnAccessTokensAndNoOneElses() {
        var email = uniqueEmail("bob");
        var userId = api.register(email);
        var token = api.login(email, PASSWORD).field("access_token");

        // a protected path that has no handler: authenticated callers get 404, others 401
        assertThat(api.get("/api/auth/not-here", token).status()).isEqualTo(404);
        assertThat(api.get("/api/auth/not-here").status()).isEqualTo(401);
        assertThat(api.get("/api/auth/not-here", foreignIssuer.accessToken(userId, email, "USER")).status()).isEqualTo(401);
        assertThat(api.get("/api/auth/not-here", api.login(email, PASSWORD).field("refresh_token")).status()).isEqualTo(401);
    }

    @Test
    void accountsForAnAddressTypedDifferently() {
        var email = uniqueEmail("cy");
        api.register(email);

        assertThat(api.login("  " + email.toUpperCase() + " ", PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void answersAWrongPasswordAndAnUnknownAddressAlikeAfterTheSameWork() {
        var email = uniqueEmail("dee");
        api.register(email);
        var unknown = uniqueEmail("nobody");

        var wrongPassword = api.login(email, PASSWORD + "-wrong");
        var unknownAddress = api.login(unknown, PASSWORD);

        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(wrongPassword.headers().getContentType()).hasToString("application/problem+json");
        assertThat(wrongPassword.field("type")).isEqualTo("https://kitty.dev/problems/invalid-credentials");
        assertThat(unknownAddress.status()).isEqualTo(401);
        assertThat(unknownAddress.body()).isEqualTo(wrongPassword.body());

        // both pay for one Argon2id check; without the decoy hash an unknown address would answer ~20x faster
        var wrongTimes = new ArrayList<Long>();
        var unknownTimes = new ArrayList<Long>();
        for (int i = 0; i < 5; i++) {
            wrongTimes.add(timed(() -> api.login(email, PASSWORD + "-wrong")));
            // this test is about cost, not throttling: a right password clears the account's failure count,
            // and every unknown address is fresh (5 failures lock any address out, known or not)
            api.login(email, PASSWORD);
            var nobody = uniqueEmail("nobody");
            unknownTimes.add(timed(() -> api.login(nobody, PASSWORD)));
        }
        assertThat(median(unknownTimes)).isGreaterThan(median(wrongTimes) * 4 / 10);
    }

    @Test
    void rotatesRefreshTokensAndRevokesTheWholeFamilyWhenOneIsReused() {
        var email = uniqueEmail("eve");
        var userId = api.register(email);
        var first = api.login(email, PASSWORD).field("refresh_token");

        var rotated = api.refresh(first);
        assertThat(rotated.status()).isEqualTo(200);
        var second = rotated.field("refresh_token");
        assertThat(second).isNotEqualTo(first);
        assertThat(rotated.field("access_token")).isNotBlank();
        var third = api.refresh(second).field("refresh_token");

        var reuse = api.refresh(first);
        assertThat(reuse.status()).isEqualTo(401);
        assertThat(reuse.field("type")).isEqualTo("https://kitty.dev/problems/invalid-refresh-token");
        assertThat(api.refresh(third).status()).as("the latest token of the family is revoked too").isEqualTo(401);
        assertThat(jdbc.sql("SELECT count(*) FROM refresh_token WHERE account_id = ? AND revoked_at IS NULL").param(userId)
                .query(Long.class).single()).isZero();

        // other sessions of the same user live on
        var otherSession = api.login(email, PASSWORD).field("refresh_token");
        assertThat(api.refresh(otherSession).status()).isEqualTo(200);
    }

    @Test
    void storesRefreshTokensOnlyAsHashes() {
        var email = uniqueEmail("fay");
        var userId = api.register(email);
        var refresh = api.login(email, PASSWORD).field("refresh_token");

        var stored = jdbc.sql("SELECT token_hash FROM refresh_token WHERE account_id = ?").param(userId).query(String.class).list();
        assertThat(stored).containsExactly(dev.kitty.auth.secret.OpaqueToken.hashOf(refresh));
    }

    @Test
    void refusesAnUnknownOrExpiredRefreshToken() {
        var email = uniqueEmail("gus");
        var userId = api.register(email);
        var refresh = api.login(email, PASSWORD).field("refresh_token");
        jdbc.sql("UPDATE refresh_token SET expires_at = now() - interval '1 second' WHERE account_id = ?").param(userId).update();

        assertThat(api.refresh(refresh).status()).isEqualTo(401);
        assertThat(api.refresh(UUID.randomUUID().toString()).status()).isEqualTo(401);
    }

    @Test
    void endsTheSessionOnLogout() {
        var email = uniqueEmail("hal");
        api.register(email);
        var refresh = api.login(email, PASSWORD).field("refresh_token");

        assertThat(api.post("/api/auth/logout", java.util.Map.of("refreshToken", refresh)).status()).isEqualTo(204);

        assertThat(api.refresh(refresh).status()).isEqualTo(401);
    }

    @Test
    @DisplayName("RFC 8725 §3.8 / OWASP ASVS 5.0 7.2: of two concurrent refreshes with one token at most one wins")
    void letsAtMostOneOfTwoConcurrentRefreshesWin() throws Exception {
        var email = uniqueEmail("ivy");
        api.register(email);
        for (int round = 0; round < 3; round++) {
            var refresh = api.login(email, PASSWORD).field("refresh_token");
            var start = new java.util.concurrent.CountDownLatch(1);
            var statuses = new ArrayList<Integer>();
            try (var pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
                var calls = new ArrayList<java.util.concurrent.Callable<Integer>>();
                for (int i = 0; i < 2; i++) {
                    calls.add(() -> {
                        start.await();
                        return api.refresh(refresh).status();
                    });
                }
                var futures = calls.stream().map(pool::submit).toList();
                start.countDown();
                for (var future : futures) {
                    statuses.add(future.get());
                }
            }
            assertThat(statuses).containsOnly(200, 401).filteredOn(status -> status == 200).hasSizeLessThanOrEqualTo(1);
        }
    }

    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> longPasswords() {
        var ascii = "q7-".repeat(40); // 120 bytes: bcrypt would have looked at the first 72 only
        var emoji = "🐱🔑🏦".repeat(10); // 30 code points, 120 bytes of UTF-8
        var thousand = "long-passphrase-".repeat(62) + "end!!!!!"; // 1000 characters
        return java.util.stream.Stream.of(
                org.junit.jupiter.params.provider.Arguments.of("120 ASCII bytes", ascii, ascii.substring(0, 72) + "x".repeat(48)),
                org.junit.jupiter.params.provider.Arguments.of("120 UTF-8 bytes of emoji", emoji, emoji.substring(0, 36) + "x".repeat(24)),
                org.junit.jupiter.params.provider.Arguments.of("1000 characters", thousand, thousand.substring(0, 999) + "?"),
                org.junit.jupiter.params.provider.Arguments.of("1024 emoji, the policy's maximum (2048 UTF-16 units)", "🐱".repeat(1024),
                        "🐱".repeat(1023) + "x"));
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "OWASP ASVS 5.0 6.2.8/6.2.9: {0}, same first 72 bytes or 999 characters -> no match, no 500")
    @org.junit.jupiter.params.provider.MethodSource("longPasswords")
    void usesEveryCharacterOfALongPassword(String description, String password, String samePrefix) {
        var email = uniqueEmail("jay");
        assertThat(api.post("/api/auth/register", java.util.Map.of("email", email, "password", password, "displayName", "Jay")).status())
                .isEqualTo(201);

        assertThat(api.login(email, samePrefix).status()).isEqualTo(401);
        assertThat(api.login(email, password).status()).isEqualTo(200);
    }

    @Test
    @DisplayName("API4:2023: a password beyond 1024 characters is refused as input, never a 500")
    void refusesAbsurdlyLongPasswordsAsBadInput() {
        var email = uniqueEmail("kim");
        api.register(email);

        var response = api.login(email, "p".repeat(100_000));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.field("type")).isEqualTo("https://kitty.dev/problems/validation");
    }

    @Test
    @DisplayName("OWASP ASVS 5.0 6.3.8: a locked account cannot log in (same body as a wrong password) nor refresh")
    void keepsALockedAccountOut() {
        var email = uniqueEmail("lee");
        var userId = api.register(email);
        var refresh = api.login(email, PASSWORD).field("refresh_token");
        var wrongPassword = api.login(email, PASSWORD + "-wrong").body();

        jdbc.sql("UPDATE account SET status = 'LOCKED' WHERE id = ?").param(userId).update();

        var login = api.login(email, PASSWORD);
        assertThat(login.status()).isEqualTo(401);
        assertThat(login.body()).isEqualTo(wrongPassword);
        assertThat(api.refresh(refresh).status()).isEqualTo(401);
    }

    @Test
    void namesTheSessionInTheAccessTokenAcrossRotation() throws Exception {
        var email = uniqueEmail("max");
        var userId = api.register(email);
        var login = api.login(email, PASSWORD);

        var sid = SignedJWT.parse(login.field("access_token")).getJWTClaimsSet().getStringClaim(JwtPolicy.SESSION_CLAIM);
        var refreshed = api.refresh(login.field("refresh_token"));

        assertThat(jdbc.sql("SELECT DISTINCT family_id FROM refresh_token WHERE account_id = ?").param(userId).query(UUID.class).single())
                .hasToString(sid);
        assertThat(SignedJWT.parse(refreshed.field("access_token")).getJWTClaimsSet().getStringClaim(JwtPolicy.SESSION_CLAIM)).isEqualTo(sid);
    }

    private static long timed(Runnable call) {
        var start = System.nanoTime();
        call.run();
        return System.nanoTime() - start;
    }

    private static long median(List<Long> values) {
        return values.stream().sorted().toList().get(values.size() / 2);
    }
}
