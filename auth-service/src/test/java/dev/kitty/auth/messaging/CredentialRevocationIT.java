package dev.kitty.auth.messaging;

import static dev.kitty.auth.AuthApi.PASSWORD;
import static dev.kitty.auth.AuthApi.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.SignedJWT;
import dev.kitty.auth.AuthApi;
import dev.kitty.auth.RunningAuthService;
import dev.kitty.identity.events.CredentialsRevoked;
import dev.kitty.identity.events.IdentityEvents;
import dev.kitty.platform.security.JwtPolicy;
import dev.kitty.platform.test.TopicRecords;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;

/**
 * Issue 6, holes 2 and 3: when credentials stop being valid, auth-service says so on
 * {@code identity.events}, and access tokens the revocation covers stop working at once, here as
 * in every other service; tokens it spares keep working, and so do tokens issued right after it.
 */
class CredentialRevocationIT extends RunningAuthService {

    private static final Duration EVENT_TIMEOUT = Duration.ofSeconds(30);

    @Test
    @DisplayName("ASVS 7.4.3: a password change revokes every other session's access tokens, not the caller's")
    void passwordChangeRevokesOtherSessionsAccessTokens() throws Exception {
        var email = uniqueEmail("ann");
        var userId = api.register(email);
        var other = api.login(email, PASSWORD).field("access_token");
        var mine = api.login(email, PASSWORD).field("access_token");
        assertThat(listTokens(other)).isEqualTo(200);

        var changed = api.call(HttpMethod.POST, "/api/auth/password/change",
                Map.of("currentPassword", PASSWORD, "newPassword", "amber-lantern-orchard-77"), mine);
        assertThat(changed.status()).as(changed.body()).isEqualTo(204);

        var event = revocationOf(userId, CredentialsRevoked.REASON_PASSWORD_CHANGED);
        assertThat(event.path("session").isNull()).isTrue();
        assertThat(event.path("exceptSession").asString()).isEqualTo(sid(mine));
        assertThat(listTokens(other)).as("another session's access token").isEqualTo(401);
        assertThat(listTokens(mine)).as("the caller's own").isEqualTo(200);
    }

    @Test
    @DisplayName("Revoking a personal access token ends exactly the tokens exchanged for it")
    void revokingAPersonalAccessTokenEndsExactlyItsTokens() throws Exception {
        var email = uniqueEmail("bob");
        var userId = api.register(email);
        var session = api.login(email, PASSWORD).field("access_token");
        var created = api.call(HttpMethod.POST, "/api/auth/tokens", Map.of("name", "ci"), session);
        var exchanged = exchange(email, created.field("token")).field("access_token");
        assertThat(sid(exchanged)).as("a PAT's tokens belong to the PAT's session").isEqualTo(created.field("id"));
        assertThat(api.get("/api/admin/users", exchanged).status()).as("authenticated, not an admin").isEqualTo(403);

        assertThat(api.call(HttpMethod.DELETE, "/api/auth/tokens/" + created.field("id"), null, session).status()).isEqualTo(204);

        var event = revocationOf(userId, CredentialsRevoked.REASON_PERSONAL_ACCESS_TOKEN_REVOKED);
        assertThat(event.path("session").asString()).isEqualTo(created.field("id"));
        assertThat(listTokens(session)).as("the password session").isEqualTo(200);
        assertThat(api.get("/api/admin/users", exchanged).status()).as("the PAT's token").isEqualTo(401);
    }

    @Test
    @DisplayName("A token issued in the same second as a password reset still works: it is dated after the revocation")
    void aLoginRightAfterAResetIsNotCaughtByTheReset() {
        var email = uniqueEmail("cy");
        var userId = api.register(email);
        var before = api.login(email, PASSWORD).field("access_token");
        api.post("/api/auth/password/forgot", Map.of("email", email));
        var resetToken = resetTokenOf(userId);

        assertThat(api.post("/api/auth/password/reset", Map.of("token", resetToken, "newPassword", "amber-lantern-orchard-77")).status())
                .isEqualTo(204);
        var after = api.login(email, "amber-lantern-orchard-77").field("access_token");

        assertThat(listTokens(before)).as("issued before the reset").isEqualTo(401);
        assertThat(listTokens(after)).as("issued after it").isEqualTo(200);
        assertThat(revocationOf(userId, CredentialsRevoked.REASON_PASSWORD_RESET).path("exceptSession").isNull()).isTrue();
    }

    @Test
    @DisplayName("ASVS 6.4: a token exchanged for a PAT cannot manage credentials (interactive-login-required)")
    void aPersonalAccessTokenCannotManageCredentials() {
        var email = uniqueEmail("dee");
        api.register(email);
        var session = api.login(email, PASSWORD).field("access_token");
        var pat = api.call(HttpMethod.POST, "/api/auth/tokens", Map.of("name", "ci"), session).field("token");
        var exchanged = exchange(email, pat).field("access_token");

        for (var attempt : new Object[][] {
                {HttpMethod.POST, "/api/auth/mfa/totp", null},
                {HttpMethod.POST, "/api/auth/mfa/totp/confirm", Map.of("code", "123456")},
                {HttpMethod.DELETE, "/api/auth/mfa/totp", Map.of("code", "123456")},
                {HttpMethod.POST, "/api/auth/password/change", Map.of("currentPassword", PASSWORD, "newPassword", "amber-lantern-orchard-77")},
                {HttpMethod.POST, "/api/auth/tokens", Map.of("name", "more")},
                {HttpMethod.GET, "/api/auth/tokens", null},
                {HttpMethod.DELETE, "/api/auth/tokens/" + UUID.randomUUID(), null}}) {
            @SuppressWarnings("unchecked")
            var refused = api.call((HttpMethod) attempt[0], (String) attempt[1], (Map<String, ?>) attempt[2], exchanged);
            assertThat(refused.status()).as(attempt[0] + " " + attempt[1]).isEqualTo(403);
            assertThat(refused.field("type")).isEqualTo("https://kitty.dev/problems/interactive-login-required");
        }
        assertThat(api.login(email, PASSWORD).status()).as("2FA was not switched on behind the owner's back").isEqualTo(200);
    }

    private int listTokens(String accessToken) {
        return api.get("/api/auth/tokens", accessToken).status();
    }

    private AuthApi.Response exchange(String email, String secret) {
        return api.exchange(email, secret, EXCHANGE_CLIENT_SECRET);
    }

    private static String sid(String accessToken) throws Exception {
        return SignedJWT.parse(accessToken).getJWTClaimsSet().getStringClaim(JwtPolicy.SESSION_CLAIM);
    }

    private JsonNode revocationOf(UUID userId, String reason) {
        var found = new AtomicReference<JsonNode>();
        TopicRecords.await(kafka.bootstrapServers(), IdentityEvents.TOPIC, record -> {
            var envelope = json.readTree(record.value());
            if (IdentityEvents.CREDENTIALS_REVOKED.name().equals(envelope.path("type").asString())
                    && userId.toString().equals(envelope.path("data").path("userId").asString())
                    && reason.equals(envelope.path("data").path("reason").asString())) {
                found.set(envelope.get("data"));
            }
            return found.get() != null;
        }, EVENT_TIMEOUT);
        return found.get();
    }

    private String resetTokenOf(UUID userId) {
        var found = new AtomicReference<String>();
        TopicRecords.await(kafka.bootstrapServers(), IdentityEvents.TOPIC, record -> {
            var envelope = json.readTree(record.value());
            if (IdentityEvents.PASSWORD_RESET_REQUESTED.name().equals(envelope.path("type").asString())
                    && userId.toString().equals(envelope.path("data").path("userId").asString())) {
                found.set(envelope.path("data").path("token").asString());
            }
            return found.get() != null;
        }, EVENT_TIMEOUT);
        return found.get();
    }
}
