package dev.kitty.auth.exchange;

import static dev.kitty.auth.AuthApi.PASSWORD;
import static dev.kitty.auth.AuthApi.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.SignedJWT;
import dev.kitty.auth.AuthApi;
import dev.kitty.auth.RunningAuthService;
import dev.kitty.platform.security.JwtPolicy;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpMethod;

/** The gateway's Basic-auth exchange against the real service: what it accepts, what it refuses, and how. */
class ExchangeIT extends RunningAuthService {

    @Test
    void exchangesAPasswordForOneShortLivedAccessTokenWithoutRefreshToken() throws Exception {
        var email = uniqueEmail("ann");
        var userId = api.register(email);

        var exchanged = exchange(email, PASSWORD);

        assertThat(exchanged.status()).as(exchanged.body()).isEqualTo(200);
        assertThat(exchanged.headers().getCacheControl()).isEqualTo("no-store");
        assertThat(exchanged.field("token_type")).isEqualTo("Bearer");
        assertThat(exchanged.json().get("expires_in").asLong()).isEqualTo(600);
        assertThat(exchanged.json().has("refresh_token")).isFalse();
        var claims = SignedJWT.parse(exchanged.field("access_token")).getJWTClaimsSet();
        assertThat(claims.getSubject()).isEqualTo(userId.toString());
        assertThat(claims.getStringListClaim(JwtPolicy.AUTHENTICATION_METHODS_CLAIM)).containsExactly("pwd");
        assertThat(claims.getStringClaim(JwtPolicy.TOKEN_USE_CLAIM)).isEqualTo("access");
        assertThat(api.call(HttpMethod.GET, "/api/auth/tokens", null, exchanged.field("access_token")).status()).isEqualTo(200);
    }

    /** OWASP ASVS 5.0 V6.3.8: wrong password and unknown address look exactly like a failed login. */
    @Test
    void answersWrongCredentialsWithExactlyTheLoginAnswer() {
        var email = uniqueEmail("bob");
        api.register(email);

        var wrongPassword = exchange(email, PASSWORD + "-wrong");
        var unknownAddress = exchange(uniqueEmail("nobody"), PASSWORD);
        var failedLogin = api.login(uniqueEmail("nobody"), PASSWORD);

        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(wrongPassword.field("type")).isEqualTo("https://kitty.dev/problems/invalid-credentials");
        assertThat(unknownAddress.body()).isEqualTo(wrongPassword.body());
        assertThat(withoutInstance(failedLogin.body())).isEqualTo(withoutInstance(wrongPassword.body()));
    }

    /**
     * OWASP ASVS 5.0 V6.3.4 / V6.1.3: every pathway enforces the account's authentication strength. With
     * 2FA on, a password alone is refused (mfa-required), a wrong one is just wrong, and a PAT works.
     */
    @Test
    void refusesAPasswordForATwoFactorAccountButExchangesItsPat() {
        var email = uniqueEmail("cy");
        api.register(email);
        var access = api.login(email, PASSWORD).field("access_token");
        var pat = api.call(HttpMethod.POST, "/api/auth/tokens", Map.of("name", "ci"), access).field("token");
        enableTwoFactor(access);

        var passwordOnly = exchange(email, PASSWORD);
        assertThat(passwordOnly.status()).isEqualTo(401);
        assertThat(passwordOnly.field("type")).endsWith("mfa-required");
        assertThat(passwordOnly.headers().getContentType()).hasToString("application/problem+json");

        var wrongPassword = exchange(email, PASSWORD + "-wrong");
        assertThat(wrongPassword.field("type")).as("2FA state shown only to who knows the password").endsWith("invalid-credentials");

        var withPat = exchange(email, pat);
        assertThat(withPat.status()).as(withPat.body()).isEqualTo(200);
    }

    /** OWASP ASVS 5.0 V6.3.1, API2:2023: failed exchanges count in login's throttle, per account. */
    @Test
    void throttlesRepeatedFailuresTogetherWithLogin() {
        var email = uniqueEmail("dee");
        api.register(email);

        AuthApi.Response last = null;
        for (int attempt = 0; attempt < 10 && (last == null || last.status() != 429); attempt++) {
            last = exchange(email, "wrong-password-" + attempt);
        }

        assertThat(last.status()).isEqualTo(429);
        assertThat(last.headers().getFirst("Retry-After")).isNotBlank();
        assertThat(exchange(email, PASSWORD).status()).as("even the right password waits").isEqualTo(429);
        assertThat(api.login(email, PASSWORD).status()).as("one throttle for login and exchange").isEqualTo(429);
    }

    /** OWASP ASVS 5.0 V6.2 (no truncation): a password over 72 bytes is neither a 500 nor matched by its prefix. */
    @Test
    void comparesPasswordsOver72BytesWhole() {
        var email = uniqueEmail("eve");
        var longPassword = "correct horse battery staple ".repeat(4) + "é".repeat(10);
        var registered = api.post("/api/auth/register", Map.of("email", email, "password", longPassword, "displayName", "Eve"));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);

        var prefix = new String(java.util.Arrays.copyOf(longPassword.getBytes(java.nio.charset.StandardCharsets.UTF_8), 72),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(exchange(email, prefix).status()).isEqualTo(401);
        assertThat(exchange(email, longPassword).status()).isEqualTo(200);
    }

    @Test
    void refusesMalformedInputWithA400() {
        for (var body : java.util.List.<Map<String, ?>>of(Map.of(), Map.of("email", "ann@example.com"), Map.of("secret", "x"),
                Map.of("email", "ann@example.com", "secret", "x".repeat(1025)))) {
            var refused = api.exchangeAs(gateway(), body);
            assertThat(refused.status()).as(body.keySet().toString()).isEqualTo(400);
            assertThat(refused.headers().getContentType()).hasToString("application/problem+json");
        }
    }

    private void enableTwoFactor(String access) {
        var enrolment = api.call(HttpMethod.POST, "/api/auth/mfa/totp", null, access);
        assertThat(enrolment.status()).as(enrolment.body()).isEqualTo(200);
        var code = codeNow(enrolment.field("secret"));
        var confirmed = api.call(HttpMethod.POST, "/api/auth/mfa/totp/confirm", Map.of("code", code), access);
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
    }

    private static String codeNow(String secret) {
        try {
            return new DefaultCodeGenerator(HashingAlgorithm.SHA1, 6).generate(secret, Instant.now().getEpochSecond() / 30);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private AuthApi.Response exchange(String email, String secret) {
        return api.exchange(email, secret, EXCHANGE_CLIENT_SECRET);
    }

    private static String gateway() {
        return "Basic " + java.util.Base64.getEncoder().encodeToString(("gateway:" + EXCHANGE_CLIENT_SECRET).getBytes(
                java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Issue 6: the exchange is the gateway's helper; a caller without its client credential learns nothing from it. */
    @Test
    void refusesEveryoneButTheGatewayBeforeLookingAtTheCredentials() {
        var email = uniqueEmail("fay");
        api.register(email);

        var anonymous = api.exchangeAs(null, Map.of("email", email, "secret", PASSWORD));
        var wrongClient = api.exchangeAs("Basic " + java.util.Base64.getEncoder().encodeToString(
                "gateway:guessed-secret-guessed-secret-guessed".getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                Map.of("email", email, "secret", PASSWORD));
        var userCredentialsAsClient = api.exchangeAs("Basic " + java.util.Base64.getEncoder().encodeToString(
                (email + ":" + PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8)), Map.of("email", email, "secret", PASSWORD));

        for (var refused : java.util.List.of(anonymous, wrongClient, userCredentialsAsClient)) {
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.field("type")).isEqualTo("https://kitty.dev/problems/invalid-client");
            assertThat(refused.body()).doesNotContain("access_token");
        }
        assertThat(exchange(email, PASSWORD).status()).isEqualTo(200);
    }

    private static String withoutInstance(String problem) {
        return problem.replaceAll("\"instance\":\"[^\"]*\",?", "");
    }
}
