package dev.kitty.auth.mfa;

import static dev.kitty.auth.AuthApi.PASSWORD;
import static dev.kitty.auth.AuthApi.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.SignedJWT;
import dev.kitty.auth.AuthApi;
import dev.kitty.auth.RunningAuthService;
import dev.kitty.platform.security.JwtPolicy;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpMethod;

/** TOTP 2FA end to end on real PostgreSQL; codes are computed here from the seed, as an authenticator app would. */
class TotpIT extends RunningAuthService {

    private static final String MFA = "/api/auth/mfa/totp";

    @Test
    @DisplayName("enrols, confirms, logs in with amr [pwd, otp], keeps otp over refresh, and disables with a code (RFC 6238, RFC 8176)")
    void enrolsConfirmsLogsInAndDisables() throws Exception {
        var email = uniqueEmail("ann");
        var userId = api.register(email);
        var token = accessToken(email);

        var enrolment = api.call(HttpMethod.POST, MFA, null, token);
        assertThat(enrolment.status()).isEqualTo(200);
        assertThat(enrolment.headers().getCacheControl()).isEqualTo("no-store");
        var secret = enrolment.field("secret");
        assertThat(secret).matches("[A-Z2-7]{32}");
        assertThat(enrolment.field("otpauthUri")).startsWith("otpauth://totp/" + email.replace("@", "%40") + "?").contains("secret=" + secret, "issuer=Kitty");
        assertThat(enrolment.field("qrCodePng")).startsWith("data:image/png;base64,iVBORw0KGgo"); // PNG magic number
        // OWASP ASVS 5.0 11.3.3: the seed is kept encrypted, not in clear
        var stored = jdbc.sql("SELECT secret FROM totp_credential WHERE account_id = ?").param(userId).query(byte[].class).single();
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain(secret);
        assertThat(amr(api.login(email, PASSWORD))).as("not on before confirmation").containsExactly("pwd");

        assertThat(api.call(HttpMethod.POST, MFA + "/confirm", Map.of("code", "000000"), token).field("type"))
                .isEqualTo("https://kitty.dev/problems/invalid-code");
        var confirmCode = code(secret, 0);
        var confirmed = api.call(HttpMethod.POST, MFA + "/confirm", Map.of("code", confirmCode), token);
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        var recoveryCodes = new ArrayList<String>();
        confirmed.json().get("recoveryCodes").forEach(code -> recoveryCodes.add(code.asString()));
        assertThat(recoveryCodes).hasSize(10).doesNotHaveDuplicates();
        // OWASP ASVS 5.0 6.5.2: lookup secrets stored hashed
        var hashes = jdbc.sql("SELECT code_hash FROM recovery_code WHERE account_id = ?").param(userId).query(String.class).list();
        assertThat(hashes).hasSize(10).doesNotContainAnyElementsOf(recoveryCodes);
        assertThat(api.call(HttpMethod.POST, MFA, null, token).status()).as("already on").isEqualTo(409);

        var withoutCode = api.login(email, PASSWORD);
        assertThat(withoutCode.status()).isEqualTo(401);
        assertThat(withoutCode.field("type")).endsWith("mfa-required");

        var replayed = login(email, PASSWORD, confirmCode, null);
        assertThat(replayed.status()).as("RFC 6238 §5.2: the confirming code is spent").isEqualTo(401);
        assertThat(replayed.field("type")).isEqualTo("https://kitty.dev/problems/invalid-credentials");

        var signedIn = login(email, PASSWORD, code(secret, 1), null);
        assertThat(signedIn.status()).as(signedIn.body()).isEqualTo(200);
        assertThat(amr(signedIn)).containsExactly("pwd", "otp");
        var refreshed = api.refresh(signedIn.field("refresh_token"));
        assertThat(amr(refreshed)).as("the session keeps its second factor").containsExactly("pwd", "otp");

        var wrongDisable = api.call(HttpMethod.DELETE, MFA, Map.of("code", "not-a-recovery-code"), refreshed.field("access_token"));
        assertThat(wrongDisable.status()).isEqualTo(400);
        var disabled = api.call(HttpMethod.DELETE, MFA, Map.of("code", recoveryCodes.getFirst()), refreshed.field("access_token"));
        assertThat(disabled.status()).as(disabled.body()).isEqualTo(204);

        assertThat(amr(api.login(email, PASSWORD))).containsExactly("pwd");
        assertThat(jdbc.sql("SELECT count(*) FROM recovery_code WHERE account_id = ?").param(userId).query(Long.class).single()).isZero();
    }

    @Test
    @DisplayName("RFC 6238 §5.2 / OWASP ASVS 5.0 6.5.1: a code accepted once is refused when replayed at login")
    void refusesAReplayedCode() throws Exception {
        var email = uniqueEmail("bob");
        var secret = enabledTwoFactor(email).secret();
        var code = code(secret, 1);

        assertThat(login(email, PASSWORD, code, null).status()).isEqualTo(200);
        var replay = login(email, PASSWORD, code, null);

        assertThat(replay.status()).isEqualTo(401);
        assertThat(replay.field("type")).isEqualTo("https://kitty.dev/problems/invalid-credentials");
    }

    @Test
    @DisplayName("RFC 6238 §5.2: codes two steps (60 s) before or after now are refused")
    void refusesCodesTwoStepsAway() {
        var email = uniqueEmail("cy");
        var secret = enabledTwoFactor(email).secret();
        forgetUsedCodes(email);

        assertThat(loginStatusWithCode(email, secret, 2)).isEqualTo(401);
        assertThat(loginStatusWithCode(email, secret, -2)).isEqualTo(401);
        assertThat(loginStatusWithCode(email, secret, -1)).as("one step back is within the window").isEqualTo(200);
    }

    @Test
    @DisplayName("OWASP ASVS 5.0 6.5.1: a recovery code signs in once, with amr [pwd, otp]")
    void acceptsARecoveryCodeOnce() throws Exception {
        var email = uniqueEmail("dee");
        var recoveryCode = enabledTwoFactor(email).recoveryCodes().get(3);

        var first = login(email, PASSWORD, null, recoveryCode.toUpperCase());
        var second = login(email, PASSWORD, null, recoveryCode);

        assertThat(first.status()).isEqualTo(200);
        assertThat(amr(first)).containsExactly("pwd", "otp");
        assertThat(second.status()).isEqualTo(401);
        assertThat(second.field("type")).isEqualTo("https://kitty.dev/problems/invalid-credentials");
    }

    @Test
    @DisplayName("OWASP ASVS 5.0 6.3.8: a wrong password on a 2FA account says invalid-credentials, never mfa-required")
    void revealsTheSecondFactorOnlyAfterTheRightPassword() throws Exception {
        var email = uniqueEmail("eve");
        enabledTwoFactor(email);

        var wrong = api.login(email, PASSWORD + "-wrong");

        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.field("type")).isEqualTo("https://kitty.dev/problems/invalid-credentials");
    }

    @Test
    @DisplayName("RFC 6238 §5.2: of concurrent logins with one code, at most one wins")
    void letsOneOfConcurrentLoginsWithTheSameCodeWin() throws Exception {
        var email = uniqueEmail("fay");
        var secret = enabledTwoFactor(email).secret();
        forgetUsedCodes(email);
        var code = code(secret, 0);

        var statuses = new ArrayList<Integer>();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            var calls = new ArrayList<Callable<Integer>>();
            for (int i = 0; i < 4; i++) {
                calls.add(() -> login(email, PASSWORD, code, null).status());
            }
            for (var result : pool.invokeAll(calls)) {
                statuses.add(result.get());
            }
        }

        assertThat(statuses).containsOnly(200, 401).filteredOn(status -> status == 200).hasSize(1);
    }

    @Test
    @DisplayName("OWASP ASVS 5.0 7.4.3: switching 2FA on ends the user's other sessions and keeps the caller's")
    void endsOtherSessionsWhenTwoFactorIsSwitchedOn() throws Exception {
        var email = uniqueEmail("gus");
        api.register(email);
        var other = api.login(email, PASSWORD).field("refresh_token");
        var mine = api.login(email, PASSWORD);
        var secret = api.call(HttpMethod.POST, MFA, null, mine.field("access_token")).field("secret");

        assertThat(api.call(HttpMethod.POST, MFA + "/confirm", Map.of("code", code(secret, 0)), mine.field("access_token")).status())
                .isEqualTo(200);

        assertThat(api.refresh(other).status()).isEqualTo(401);
        assertThat(api.refresh(mine.field("refresh_token")).status()).isEqualTo(200);
    }

    @Test
    @DisplayName("bad input to enrolment is a 4xx problem and changes nothing")
    void refusesToConfirmWithoutAnEnrolmentOrToDisableWhatIsOff() {
        var email = uniqueEmail("hal");
        api.register(email);
        var token = accessToken(email);

        assertThat(api.call(HttpMethod.POST, MFA + "/confirm", Map.of("code", "123456"), token).field("type"))
                .isEqualTo("https://kitty.dev/problems/mfa-not-enrolling");
        assertThat(api.call(HttpMethod.DELETE, MFA, Map.of("code", "123456"), token).field("type"))
                .isEqualTo("https://kitty.dev/problems/mfa-not-enabled");
        assertThat(api.call(HttpMethod.POST, MFA + "/confirm", Map.of("code", List.of(1)), token).status()).isEqualTo(400);
    }

    record TwoFactor(String secret, List<String> recoveryCodes) {}

    /** Registers, enrols and confirms; the confirming code's step is then spent. */
    private TwoFactor enabledTwoFactor(String email) {
        api.register(email);
        var token = accessToken(email);
        var secret = api.call(HttpMethod.POST, MFA, null, token).field("secret");
        var confirmed = api.call(HttpMethod.POST, MFA + "/confirm", Map.of("code", code(secret, 0)), token);
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        var codes = new ArrayList<String>();
        confirmed.json().get("recoveryCodes").forEach(code -> codes.add(code.asString()));
        return new TwoFactor(secret, codes);
    }

    private String accessToken(String email) {
        var response = api.login(email, PASSWORD);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.field("access_token");
    }

    private AuthApi.Response login(String email, String password, @Nullable String otp, @Nullable String recoveryCode) {
        var body = new HashMap<String, Object>();
        body.put("email", email);
        body.put("password", password);
        if (otp != null) {
            body.put("otp", otp);
        }
        if (recoveryCode != null) {
            body.put("recoveryCode", recoveryCode);
        }
        return api.post("/api/auth/login", body);
    }

    /** What an authenticator app shows {@code offset} 30-second steps from now (RFC 6238 §4: HMAC-SHA-1, T0 = 0, X = 30). */
    private static String code(String secret, int offset) {
        return codeOfStep(secret, currentStep() + offset);
    }

    private static String codeOfStep(String secret, long step) {
        try {
            return new DefaultCodeGenerator(HashingAlgorithm.SHA1, 6).generate(secret, step);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static long currentStep() {
        return Math.floorDiv(Instant.now().getEpochSecond(), 30);
    }

    /**
     * The status of a login with the code {@code offset} steps from now, where the offset decides the
     * answer (±1 is accepted, ±2 is not). The code is computed here and checked there: if a step ends
     * in between, the answer says nothing about {@code offset} and the login is tried again with a
     * code of the new step, rather than waiting for a step to begin.
     */
    private int loginStatusWithCode(String email, String secret, int offset) {
        for (var attempt = 0; attempt < 3; attempt++) {
            var step = currentStep();
            var status = login(email, PASSWORD, codeOfStep(secret, step + offset), null).status();
            if (currentStep() == step) {
                return status;
            }
        }
        throw new AssertionError("three 30 s steps ended during three logins");
    }

    /** Test set-up only: lets the next code of the current step through although confirmation spent one. */
    private void forgetUsedCodes(String email) {
        jdbc.sql("UPDATE totp_credential SET last_used_step = NULL WHERE account_id = (SELECT id FROM account WHERE email = ?)")
                .param(email).update();
    }

    private List<String> amr(AuthApi.Response tokens) {
        try {
            assertThat(tokens.status()).as(tokens.body()).isEqualTo(200);
            return SignedJWT.parse(tokens.field("access_token")).getJWTClaimsSet().getStringListClaim(JwtPolicy.AUTHENTICATION_METHODS_CLAIM);
        } catch (java.text.ParseException e) {
            throw new AssertionError(e);
        }
    }
}
