package dev.kitty.auth.messaging;

import static dev.kitty.auth.AuthApi.PASSWORD;
import static dev.kitty.auth.AuthApi.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kitty.auth.RunningAuthService;
import dev.kitty.identity.events.AccountSecurityChanged;
import dev.kitty.identity.events.IdentityEvents;
import dev.kitty.platform.test.TopicRecords;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;

/**
 * Security notices (issue 8): every change to how an account is secured is announced once on
 * {@code identity.events} as {@code AccountSecurityChanged}, through the outbox of the transaction
 * that made it, so notification-service can warn the owner (OWASP ASVS 5.0 6.3.7). Refused
 * attempts announce nothing.
 */
class SecurityNoticeIT extends RunningAuthService {

    private static final Duration EVENT_TIMEOUT = Duration.ofSeconds(30);
    private static final String NEW_PASSWORD = "amber-lantern-orchard-77";

    @Test
    @DisplayName("ASVS 6.3.7: password change, 2FA on, new PAT, 2FA off, password reset and lock each publish exactly one notice")
    void eachSecurityChangePublishesExactlyOneNotice() {
        var email = uniqueEmail("notice");
        var userId = api.register(email);
        var token = api.login(email, PASSWORD).field("access_token");

        var wrongCurrent = api.call(HttpMethod.POST, "/api/auth/password/change",
                Map.of("currentPassword", PASSWORD + "-wrong", "newPassword", NEW_PASSWORD), token);
        assertThat(wrongCurrent.status()).as("refused: announces nothing").isEqualTo(400);
        var changed = api.call(HttpMethod.POST, "/api/auth/password/change",
                Map.of("currentPassword", PASSWORD, "newPassword", NEW_PASSWORD), token);
        assertThat(changed.status()).as(changed.body()).isEqualTo(204);

        var secret = api.call(HttpMethod.POST, "/api/auth/mfa/totp", null, token).field("secret");
        var confirmed = api.call(HttpMethod.POST, "/api/auth/mfa/totp/confirm", Map.of("code", totp(secret)), token);
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        var recoveryCode = confirmed.json().get("recoveryCodes").get(0).asString();

        var created = api.call(HttpMethod.POST, "/api/auth/tokens", Map.of("name", "backup script"), token);
        assertThat(created.status()).as(created.body()).isEqualTo(201);

        var disabled = api.call(HttpMethod.DELETE, "/api/auth/mfa/totp", Map.of("code", recoveryCode), token);
        assertThat(disabled.status()).as(disabled.body()).isEqualTo(204);

        api.post("/api/auth/password/forgot", Map.of("email", email));
        var reset = api.post("/api/auth/password/reset", Map.of("token", resetTokenOf(userId), "newPassword", PASSWORD));
        assertThat(reset.status()).as(reset.body()).isEqualTo(204);

        var admin = admin();
        assertThat(api.call(HttpMethod.POST, "/api/admin/users/" + userId + "/lock", null, admin).status()).isEqualTo(204);
        assertThat(api.call(HttpMethod.POST, "/api/admin/users/" + userId + "/lock", null, admin).status())
                .as("locking a locked account changes nothing").isEqualTo(204);
        // the last notice's arrival proves the earlier ones (same key, same partition, in order) were read too
        var notices = noticesOf(userId, AccountSecurityChanged.CHANGE_ACCOUNT_LOCKED);

        assertThat(notices).extracting(notice -> notice.get("change").asString()).containsExactly(
                AccountSecurityChanged.CHANGE_PASSWORD_CHANGED,
                AccountSecurityChanged.CHANGE_TWO_FACTOR_ENABLED,
                AccountSecurityChanged.CHANGE_PERSONAL_ACCESS_TOKEN_CREATED,
                AccountSecurityChanged.CHANGE_TWO_FACTOR_DISABLED,
                AccountSecurityChanged.CHANGE_PASSWORD_RESET,
                AccountSecurityChanged.CHANGE_ACCOUNT_LOCKED);
        assertThat(notices).allSatisfy(notice -> {
            assertThat(notice.get("userId").asString()).isEqualTo(userId.toString());
            assertThat(notice.get("email").asString()).isEqualTo(email);
            assertThat(Instant.parse(notice.get("occurredAt").asString())).isBetween(Instant.now().minusSeconds(300), Instant.now());
        });
        assertThat(notices).extracting(notice -> notice.path("detail").isNull() || notice.path("detail").isMissingNode() ? null
                : notice.get("detail").asString()).containsExactly(null, null, "backup script", null, null, null);
    }

    /** Every AccountSecurityChanged of the user read until the one of {@code lastChange}, in order. */
    private List<JsonNode> noticesOf(UUID userId, String lastChange) {
        var read = TopicRecords.await(kafka.bootstrapServers(), IdentityEvents.TOPIC, record -> {
            var envelope = json.readTree(record.value());
            return isNoticeOf(envelope, userId) && lastChange.equals(envelope.path("data").path("change").asString());
        }, EVENT_TIMEOUT);
        return read.stream()
                .filter(record -> userId.toString().equals(record.key()))
                .map(record -> json.readTree(record.value()))
                .filter(envelope -> isNoticeOf(envelope, userId))
                .map(envelope -> envelope.get("data"))
                .toList();
    }

    private static boolean isNoticeOf(JsonNode envelope, UUID userId) {
        return IdentityEvents.ACCOUNT_SECURITY_CHANGED.name().equals(envelope.path("type").asString())
                && userId.toString().equals(envelope.path("subject").asString());
    }

    private String admin() {
        var email = uniqueEmail("admin");
        var id = api.register(email);
        jdbc.sql("INSERT INTO account_role (account_id, role) VALUES (?, 'ADMIN')").param(id).update();
        return api.login(email, PASSWORD).field("access_token");
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

    /** The code an authenticator app shows now (RFC 6238: HMAC-SHA-1, 6 digits, 30 s). */
    private static String totp(String secret) {
        try {
            return new DefaultCodeGenerator(HashingAlgorithm.SHA1, 6).generate(secret, Math.floorDiv(Instant.now().getEpochSecond(), 30));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
