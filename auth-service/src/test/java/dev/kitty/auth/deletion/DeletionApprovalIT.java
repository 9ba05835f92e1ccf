package dev.kitty.auth.deletion;

import static dev.kitty.auth.AuthApi.PASSWORD;
import static dev.kitty.auth.AuthApi.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kitty.auth.AuthApi;
import dev.kitty.auth.RunningAuthService;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

/**
 * The rules of {@code POST /api/auth/internal/account-deletion-approvals} (ADR 0012) on the real service: what
 * user-service asks before it deletes a user, with the caller's own token. Approving changes nothing.
 */
class DeletionApprovalIT extends RunningAuthService {

    private static final String APPROVALS = "/api/auth/internal/account-deletion-approvals";
    private static final String PROBLEMS = "https://kitty.dev/problems/";

    record Person(UUID id, String email, String token) {}

    @Test
    @DisplayName("own account: the right password approves (204) and changes nothing; a wrong one is 401 invalid-credentials")
    void approvesOnesOwnDeletionWithThePassword() {
        var ann = person("ann");

        var wrong = approve(ann.token(), ann.id(), PASSWORD + "-wrong", null, null);
        var missing = approve(ann.token(), ann.id(), null, null, null);
        var right = approve(ann.token(), ann.id(), PASSWORD, null, null);

        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.field("type")).isEqualTo(PROBLEMS + "invalid-credentials");
        assertThat(missing.status()).as("no password").isEqualTo(400);
        assertThat(right.status()).as(right.body()).isEqualTo(204);
        assertThat(api.login(ann.email(), PASSWORD).status()).as("approving deleted nothing").isEqualTo(200);
    }

    @Test
    @DisplayName("own account with 2FA: no code → 401 mfa-required, a wrong code → 401 invalid-credentials, a TOTP or recovery code → 204")
    void asksForTheSecondFactorWhenItIsOn() {
        var bob = person("bob");
        var secret = api.call(HttpMethod.POST, "/api/auth/mfa/totp", null, bob.token()).field("secret");
        var confirmed = api.call(HttpMethod.POST, "/api/auth/mfa/totp/confirm", Map.of("code", totp(secret, 0)), bob.token());
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        var recoveryCode = confirmed.json().get("recoveryCodes").get(0).asString();

        var noCode = approve(bob.token(), bob.id(), PASSWORD, null, null);
        var wrongCode = approve(bob.token(), bob.id(), PASSWORD, "000000".equals(totp(secret, 1)) ? "111111" : "000000", null);
        var wrongRecovery = approve(bob.token(), bob.id(), PASSWORD, null, "not-a-recovery-code");
        var withTotp = approve(bob.token(), bob.id(), PASSWORD, totp(secret, 1), null);
        var withRecovery = approve(bob.token(), bob.id(), PASSWORD, null, recoveryCode);
        var recoveryAgain = approve(bob.token(), bob.id(), PASSWORD, null, recoveryCode);

        assertThat(noCode.status()).isEqualTo(401);
        assertThat(noCode.field("type")).isEqualTo(PROBLEMS + "mfa-required");
        assertThat(wrongCode.status()).isEqualTo(401);
        assertThat(wrongCode.field("type")).isEqualTo(PROBLEMS + "invalid-credentials");
        assertThat(wrongRecovery.field("type")).isEqualTo(PROBLEMS + "invalid-credentials");
        assertThat(withTotp.status()).as(withTotp.body()).isEqualTo(204);
        assertThat(withRecovery.status()).as(withRecovery.body()).isEqualTo(204);
        assertThat(recoveryAgain.status()).as("a recovery code is spent once").isEqualTo(401);
    }

    @Test
    @DisplayName("OWASP ASVS 5.0 6.3.1: wrong passwords are throttled per account like logins: 429 + Retry-After, right password included")
    void throttlesGuessingPerAccount() {
        var cy = person("cy");
        for (int i = 0; i < 5; i++) {
            assertThat(approve(cy.token(), cy.id(), PASSWORD + "-guess-" + i, null, null).status()).isEqualTo(401);
        }

        var throttled = approve(cy.token(), cy.id(), PASSWORD, null, null);

        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.field("type")).isEqualTo(PROBLEMS + "throttled");
        assertThat(Long.parseLong(throttled.headers().getFirst("Retry-After"))).isPositive();
        assertThat(new AuthApi(port, json).login(cy.email(), PASSWORD).status()).as("the login shares the account's count").isEqualTo(429);
    }

    @Test
    @DisplayName("a token exchanged for a personal access token may not approve its own account's deletion (interactive-login-required)")
    void refusesOnesOwnDeletionWithAPersonalAccessToken() {
        var dee = person("dee");
        var pat = api.call(HttpMethod.POST, "/api/auth/tokens", Map.of("name", "ci"), dee.token()).field("token");
        var exchanged = api.exchange(dee.email(), pat, EXCHANGE_CLIENT_SECRET).field("access_token");

        var refused = approve(exchanged, dee.id(), PASSWORD, null, null);

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.field("type")).isEqualTo(PROBLEMS + "interactive-login-required");
    }

    @Test
    @DisplayName("the last active super user may not delete their own account (409 last-super-user)")
    void keepsTheLastSuperUser() {
        var superUser = person("su", "SUPER_USER");
        jdbc.sql("DELETE FROM account_role WHERE role = 'SUPER_USER' AND account_id <> ?").param(superUser.id()).update();

        var refused = approve(superUser.token(), superUser.id(), PASSWORD, null, null);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.field("type")).isEqualTo(PROBLEMS + "last-super-user");
        var successor = person("successor", "SUPER_USER");
        assertThat(approve(superUser.token(), superUser.id(), PASSWORD, null, null).status()).as("with a successor").isEqualTo(204);
        assertThat(successor.id()).isNotNull();
    }

    /** OWASP API5:2023: who may approve whose deletion, by stored system roles. */
    @Test
    @DisplayName("someone else's account: ADMIN+ only, only a SUPER_USER for an ADMIN or SUPER_USER, unknown → 404")
    void approvesOthersDeletionsByStoredRoles() {
        var user = person("user");
        var otherUser = person("other");
        var admin = person("admin", "ADMIN");
        var otherAdmin = person("admin2", "ADMIN");
        var superUser = person("su2", "SUPER_USER");
        var exAdmin = person("exadmin", "ADMIN");
        jdbc.sql("DELETE FROM account_role WHERE role = 'ADMIN' AND account_id = ?").param(exAdmin.id()).update();

        record Case(String what, String token, UUID target, int status) {}
        var cases = List.of(
                new Case("USER deletes a USER", user.token(), otherUser.id(), 403),
                new Case("USER deletes an unknown id", user.token(), UUID.randomUUID(), 403),
                new Case("ADMIN demoted since their token was issued", exAdmin.token(), user.id(), 403),
                new Case("ADMIN deletes an ADMIN", admin.token(), otherAdmin.id(), 403),
                new Case("ADMIN deletes a SUPER_USER", admin.token(), superUser.id(), 403),
                new Case("ADMIN deletes an unknown id", admin.token(), UUID.randomUUID(), 404),
                new Case("ADMIN deletes a USER", admin.token(), user.id(), 204),
                new Case("SUPER_USER deletes an ADMIN", superUser.token(), otherAdmin.id(), 204),
                new Case("SUPER_USER deletes a USER", superUser.token(), otherUser.id(), 204));
        for (var c : cases) {
            var response = approve(c.token(), c.target(), null, null, null);
            assertThat(response.status()).as(c.what() + ": " + response.body()).isEqualTo(c.status());
            if (c.status() != 204) {
                assertThat(response.headers().getContentType()).as(c.what()).hasToString("application/problem+json");
            }
        }
        assertThat(jdbc.sql("SELECT count(*) FROM account WHERE id IN (?, ?, ?)").params(user.id(), otherUser.id(), otherAdmin.id())
                .query(Long.class).single()).as("approving deleted nothing").isEqualTo(3);
    }

    @Test
    @DisplayName("without a token → 401; malformed body → 400")
    void refusesAnonymousAndMalformedRequests() {
        var eve = person("eve");

        assertThat(api.call(HttpMethod.POST, APPROVALS, Map.of("userId", eve.id().toString(), "password", PASSWORD), null).status())
                .isEqualTo(401);
        assertThat(api.call(HttpMethod.POST, APPROVALS, Map.of("userId", "not-a-uuid"), eve.token()).status()).isEqualTo(400);
        assertThat(api.call(HttpMethod.POST, APPROVALS, Map.of("password", PASSWORD), eve.token()).status()).isEqualTo(400);
    }

    private AuthApi.Response approve(String token, UUID userId, @Nullable String password, @Nullable String otp,
            @Nullable String recoveryCode) {
        var body = new HashMap<String, Object>();
        body.put("userId", userId.toString());
        if (password != null) {
            body.put("password", password);
        }
        if (otp != null) {
            body.put("otp", otp);
        }
        if (recoveryCode != null) {
            body.put("recoveryCode", recoveryCode);
        }
        return api.call(HttpMethod.POST, APPROVALS, body, token);
    }

    private Person person(String name, String... extraRoles) {
        var email = uniqueEmail(name);
        var id = api.register(email);
        for (var role : extraRoles) {
            jdbc.sql("INSERT INTO account_role (account_id, role) VALUES (?, ?)").params(id, role).update();
        }
        var login = api.login(email, PASSWORD);
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        return new Person(id, email, login.field("access_token"));
    }

    /** What an authenticator app shows {@code offset} 30-second steps from now. */
    private static String totp(String secret, int offset) {
        try {
            return new DefaultCodeGenerator(HashingAlgorithm.SHA1, 6).generate(secret, Math.floorDiv(Instant.now().getEpochSecond(), 30) + offset);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
