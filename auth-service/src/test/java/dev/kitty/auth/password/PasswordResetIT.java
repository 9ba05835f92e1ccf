package dev.kitty.auth.password;

import static dev.kitty.auth.AuthApi.PASSWORD;
import static dev.kitty.auth.AuthApi.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kitty.auth.AuthApi;
import dev.kitty.auth.RunningAuthService;
import dev.kitty.auth.secret.OpaqueToken;
import dev.kitty.identity.events.IdentityEvents;
import dev.kitty.platform.test.TopicRecords;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;

/** Forgot / reset / change password on real PostgreSQL and Kafka. */
class PasswordResetIT extends RunningAuthService {

    private static final Duration EVENT_TIMEOUT = Duration.ofSeconds(30);
    private static final String NEW_PASSWORD = "amber-lantern-orchard-77";

    @Test
    @DisplayName("OWASP ASVS 5.0 6.3.8 / API2:2023: forgot answers 202 alike for known and unknown addresses; only the known one gets a reset event")
    void answersEveryAddressAlikeAndMailsOnlyKnownOnes() {
        var known = uniqueEmail("ann");
        var userId = api.register(known);
        var unknown = uniqueEmail("nobody");
        var before = Instant.now();

        var forUnknown = forgot(unknown);
        var forKnown = forgot(known.toUpperCase());

        assertThat(forUnknown.status()).isEqualTo(202);
        assertThat(forKnown.status()).isEqualTo(202);
        assertThat(forKnown.body()).isEqualTo(forUnknown.body());
        assertThat(forKnown.headers().getContentType()).isEqualTo(forUnknown.headers().getContentType());
        assertThat(forKnown.headers().getContentLength()).isEqualTo(forUnknown.headers().getContentLength());

        var read = TopicRecords.await(kafka.bootstrapServers(), IdentityEvents.TOPIC,
                record -> isResetFor(record, userId), EVENT_TIMEOUT);
        var data = json.readTree(read.getLast().value()).get("data");
        assertThat(data.get("email").asString()).isEqualTo(known);
        var token = data.get("token").asString();
        assertThat(Base64.getUrlDecoder().decode(token)).as("at least 128 bits").hasSizeGreaterThanOrEqualTo(16);
        assertThat(Duration.between(before, Instant.parse(data.get("expiresAt").asString())))
                .isBetween(Duration.ofMinutes(59), Duration.ofMinutes(61));
        assertThat(jdbc.sql("SELECT token_hash FROM password_reset_token WHERE account_id = ?").param(userId).query(String.class).single())
                .as("stored as SHA-256 only").isEqualTo(OpaqueToken.hashOf(token));
        assertThat(read).noneMatch(record -> record.value().contains(unknown));
    }

    @Test
    @DisplayName("OWASP ASVS 5.0 6.3.8: forgot takes as long for an unknown address as for a known one")
    void takesAsLongForUnknownAddresses() {
        var knownTimes = new ArrayList<Long>();
        var unknownTimes = new ArrayList<Long>();
        for (int i = 0; i < 3; i++) {
            var known = uniqueEmail("timing");
            api.register(known);
            var unknown = uniqueEmail("nobody");
            knownTimes.add(timed(() -> forgot(known)));
            unknownTimes.add(timed(() -> forgot(unknown)));
        }

        // both only pass the throttle and hand the lookup to the background: no database work on the request path
        assertThat(Math.abs(median(knownTimes) - median(unknownTimes))).isLessThan(Duration.ofMillis(50).toNanos());
    }

    @Test
    @DisplayName("OWASP ASVS 5.0 6.4.1 / 7.4.3: a reset token works once, after a weak attempt too, and ends every session")
    void resetsOnceAndEndsEverySession() {
        var email = uniqueEmail("bob");
        var userId = api.register(email);
        var session = api.login(email, PASSWORD).field("refresh_token");
        forgot(email);
        var token = resetToken(userId, 1).getFirst();

        var weak = reset(token, "password1234");
        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.field("type")).isEqualTo("https://kitty.dev/problems/weak-password");

        assertThat(reset(token, NEW_PASSWORD).status()).as("still usable after the weak attempt").isEqualTo(204);

        assertThat(api.refresh(session).status()).as("every refresh token revoked").isEqualTo(401);
        assertThat(api.login(email, PASSWORD).status()).isEqualTo(401);
        assertThat(api.login(email, NEW_PASSWORD).status()).isEqualTo(200);
        var again = reset(token, NEW_PASSWORD + "-again");
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.field("type")).isEqualTo("https://kitty.dev/problems/invalid-token");
    }

    @Test
    @DisplayName("OWASP ASVS 5.0 6.4.1: a newer reset request voids the older link, and an expired link is refused")
    void honoursOnlyTheNewestUnexpiredLink() {
        var email = uniqueEmail("cy");
        var userId = api.register(email);
        forgot(email);
        var first = resetToken(userId, 1).getFirst();
        forgot(email);
        var second = resetToken(userId, 2).getLast();

        assertThat(reset(first, NEW_PASSWORD).status()).isEqualTo(400);

        jdbc.sql("UPDATE password_reset_token SET expires_at = now() - interval '1 second' WHERE account_id = ?").param(userId).update();
        assertThat(reset(second, NEW_PASSWORD).status()).isEqualTo(400);
        assertThat(api.login(email, PASSWORD).status()).as("nothing changed").isEqualTo(200);
    }

    @Test
    @DisplayName("bad reset input is a 4xx problem, never 500")
    void refusesUnknownTokensAndBadBodies() {
        assertThat(reset(OpaqueToken.generate(32).value(), NEW_PASSWORD).field("type")).isEqualTo("https://kitty.dev/problems/invalid-token");
        assertThat(api.post("/api/auth/password/reset", Map.of("token", List.of("x"), "newPassword", NEW_PASSWORD)).status()).isEqualTo(400);
        assertThat(api.post("/api/auth/password/forgot", Map.of("email", "not-an-address")).status()).isEqualTo(400);
    }

    @Test
    @DisplayName("OWASP ASVS 5.0 6.2.3 / 7.4.3: a password change needs the current password and ends the other sessions only")
    void changesThePasswordAndEndsOtherSessions() {
        var email = uniqueEmail("dee");
        api.register(email);
        var other = api.login(email, PASSWORD).field("refresh_token");
        var mine = api.login(email, PASSWORD);
        var token = mine.field("access_token");

        var wrong = change(token, PASSWORD + "-not", NEW_PASSWORD);
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.field("type")).isEqualTo("https://kitty.dev/problems/wrong-password");
        var weak = change(token, PASSWORD, email + "-123");
        assertThat(weak.field("type")).isEqualTo("https://kitty.dev/problems/weak-password");
        assertThat(api.refresh(other).status()).as("failed changes end nothing").isEqualTo(200);
        other = api.login(email, PASSWORD).field("refresh_token");

        assertThat(change(token, PASSWORD, NEW_PASSWORD).status()).isEqualTo(204);

        assertThat(api.refresh(other).status()).isEqualTo(401);
        assertThat(api.refresh(mine.field("refresh_token")).status()).as("the caller's own session lives on").isEqualTo(200);
        assertThat(api.login(email, NEW_PASSWORD).status()).isEqualTo(200);
    }

    private AuthApi.Response forgot(String email) {
        return api.post("/api/auth/password/forgot", Map.of("email", email));
    }

    private AuthApi.Response reset(String token, String newPassword) {
        return api.post("/api/auth/password/reset", Map.of("token", token, "newPassword", newPassword));
    }

    private AuthApi.Response change(String accessToken, String current, String next) {
        return api.call(HttpMethod.POST, "/api/auth/password/change", Map.of("currentPassword", current, "newPassword", next), accessToken);
    }

    /** The tokens of the first {@code count} reset events for the user, oldest first. */
    private List<String> resetToken(UUID userId, int count) {
        var seen = new ArrayList<String>();
        TopicRecords.await(kafka.bootstrapServers(), IdentityEvents.TOPIC, record -> {
            if (isResetFor(record, userId)) {
                seen.add(json.readTree(record.value()).get("data").get("token").asString());
            }
            return seen.size() >= count;
        }, EVENT_TIMEOUT);
        return seen;
    }

    private boolean isResetFor(ConsumerRecord<String, String> record, UUID userId) {
        JsonNode type = json.readTree(record.value()).get("type");
        return userId.toString().equals(record.key()) && type != null
                && IdentityEvents.PASSWORD_RESET_REQUESTED.name().equals(type.asString());
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
