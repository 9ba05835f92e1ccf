package dev.kitty.auth.registration;

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
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

class RegistrationIT extends RunningAuthService {

    private static final Duration EVENT_TIMEOUT = Duration.ofSeconds(30);

    @Test
    void storesAnActiveUnverifiedUserWithAnArgon2idHash() {
        var email = uniqueEmail("ann");

        var response = api.post("/api/auth/register", Map.of("email", "  " + email.toUpperCase() + " ", "password", PASSWORD,
                "displayName", "Ann"));

        assertThat(response.status()).isEqualTo(201);
        var userId = UUID.fromString(response.field("userId"));
        assertThat(response.field("email")).isEqualTo(email);
        assertThat(response.headers().getLocation()).hasToString("/api/users/" + userId);
        var row = jdbc.sql("SELECT email, password_hash, status, email_verified FROM account WHERE id = ?").param(userId)
                .query((rs, n) -> Map.of("email", rs.getString(1), "hash", rs.getString(2), "status", rs.getString(3),
                        "verified", rs.getBoolean(4)))
                .single();
        assertThat(row).containsEntry("email", email).containsEntry("status", "ACTIVE").containsEntry("verified", false);
        assertThat((String) row.get("hash")).startsWith("{argon2}$argon2id$v=19$m=19456,t=2,p=1$").doesNotContain(PASSWORD);
        assertThat(jdbc.sql("SELECT role FROM account_role WHERE account_id = ?").param(userId).query(String.class).list())
                .containsExactly("USER");
    }

    @Test
    void announcesTheUserAndAsksForVerificationAsCloudEventsKeyedByUser() {
        var email = uniqueEmail("bob");
        var before = Instant.now();

        var userId = api.register(email);

        var registered = awaitEvent(userId, IdentityEvents.USER_REGISTERED.name());
        var requested = awaitEvent(userId, IdentityEvents.EMAIL_VERIFICATION_REQUESTED.name());
        for (var record : List.of(registered, requested)) {
            var envelope = json.readTree(record.value());
            assertThat(record.key()).isEqualTo(userId.toString());
            assertThat(envelope.get("specversion").asString()).isEqualTo("1.0");
            assertThat(envelope.get("id").asString()).isNotBlank();
            assertThat(envelope.get("source").asString()).isEqualTo("/kitty/auth-service");
            assertThat(envelope.get("subject").asString()).isEqualTo(userId.toString());
            assertThat(envelope.get("datacontenttype").asString()).isEqualTo("application/json");
            assertThat(Instant.parse(envelope.get("time").asString())).isAfterOrEqualTo(before.minusSeconds(1));
        }
        var registeredData = json.readTree(registered.value()).get("data");
        assertThat(registeredData.get("userId").asString()).isEqualTo(userId.toString());
        assertThat(registeredData.get("email").asString()).isEqualTo(email);
        assertThat(registeredData.get("displayName").asString()).isEqualTo("Test User");
        assertThat(registeredData.get("registeredAt").asString()).isNotBlank();

        var requestedData = json.readTree(requested.value()).get("data");
        assertThat(requestedData.get("email").asString()).isEqualTo(email);
        var token = requestedData.get("token").asString();
        assertThat(Base64.getUrlDecoder().decode(token)).hasSizeGreaterThanOrEqualTo(16);
        var expiresAt = Instant.parse(requestedData.get("expiresAt").asString());
        assertThat(Duration.between(before, expiresAt)).isBetween(Duration.ofHours(23), Duration.ofHours(25));
        // only the hash is stored
        assertThat(jdbc.sql("SELECT token_hash FROM email_verification_token WHERE account_id = ?").param(userId)
                .query(String.class).single()).isEqualTo(OpaqueToken.hashOf(token)).isNotEqualTo(token);
    }

    /** Issue 7, item 5: the event joins the trace of the register call (CloudEvents tracing extension). */
    @Test
    void announcesTheUserInTheTraceOfTheRegisterCall() {
        var traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        var response = RestClient.create("http://127.0.0.1:" + port).post().uri("/api/auth/register")
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("email", uniqueEmail("tia"), "password", PASSWORD, "displayName", "Tia"))
                .retrieve().toEntity(String.class);
        var userId = UUID.fromString(json.readTree(response.getBody()).get("userId").asString());

        var envelope = json.readTree(awaitEvent(userId, IdentityEvents.USER_REGISTERED.name()).value());

        assertThat(envelope.get("traceparent").asString()).matches("00-" + traceId + "-[0-9a-f]{16}-01")
                .as("auth-service's own span, not the caller's").doesNotContain("00f067aa0ba902b7");
    }

    @Test
    void verifiesTheAddressOnceWithTheMailedToken() {
        var userId = api.register(uniqueEmail("cy"));
        var token = json.readTree(awaitEvent(userId, IdentityEvents.EMAIL_VERIFICATION_REQUESTED.name()).value())
                .get("data").get("token").asString();

        assertThat(api.post("/api/auth/verify-email", Map.of("token", token)).status()).isEqualTo(204);

        assertThat(jdbc.sql("SELECT email_verified FROM account WHERE id = ?").param(userId).query(Boolean.class).single()).isTrue();
        assertThat(awaitEvent(userId, IdentityEvents.EMAIL_VERIFIED.name()).key()).isEqualTo(userId.toString());
        var again = api.post("/api/auth/verify-email", Map.of("token", token));
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.field("type")).isEqualTo("https://kitty.dev/problems/invalid-token");
    }

    @Test
    void refusesAnUnknownVerificationToken() {
        var response = api.post("/api/auth/verify-email", Map.of("token", OpaqueToken.generate(32).value()));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.headers().getContentType()).hasToString("application/problem+json");
        assertThat(response.field("type")).isEqualTo("https://kitty.dev/problems/invalid-token");
    }

    @Test
    void refusesAnExpiredVerificationToken() {
        var userId = api.register(uniqueEmail("dee"));
        var token = json.readTree(awaitEvent(userId, IdentityEvents.EMAIL_VERIFICATION_REQUESTED.name()).value())
                .get("data").get("token").asString();
        jdbc.sql("UPDATE email_verification_token SET expires_at = now() - interval '1 second' WHERE account_id = ?")
                .param(userId).update();

        assertThat(api.post("/api/auth/verify-email", Map.of("token", token)).status()).isEqualTo(400);
        assertThat(jdbc.sql("SELECT email_verified FROM account WHERE id = ?").param(userId).query(Boolean.class).single()).isFalse();
    }

    @Test
    void refusesAnAddressThatIsTakenInAnyCase() {
        var email = uniqueEmail("eve");
        api.register(email);

        var response = api.post("/api/auth/register", Map.of("email", email.toUpperCase(), "password", PASSWORD + "!",
                "displayName", "Eve"));

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.field("type")).isEqualTo("https://kitty.dev/problems/email-taken");
        assertThat(jdbc.sql("SELECT count(*) FROM account WHERE lower(email) = ?").param(email).query(Long.class).single()).isOne();
    }

    static Stream<Arguments> weakPasswords() {
        return Stream.of(
                Arguments.of("eleven characters", "abcdefghijk"),
                Arguments.of("common password", "Password123456"),
                Arguments.of("keyboard walk", "1qaz2wsx3edc"),
                Arguments.of("the address itself", "{email}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("weakPasswords")
    void refusesAWeakPasswordAndStoresNothing(String description, String password) {
        var email = uniqueEmail("frank");

        var response = api.post("/api/auth/register", Map.of("email", email, "password", password.replace("{email}", email),
                "displayName", "Frank"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.field("type")).isEqualTo("https://kitty.dev/problems/weak-password");
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("password");
        assertThat(jdbc.sql("SELECT count(*) FROM account WHERE email = ?").param(email).query(Long.class).single()).isZero();
    }

    private ConsumerRecord<String, String> awaitEvent(UUID userId, String type) {
        var records = TopicRecords.await(kafka.bootstrapServers(), IdentityEvents.TOPIC,
                record -> userId.toString().equals(record.key()) && type(record).equals(type), EVENT_TIMEOUT);
        return records.getLast();
    }

    private String type(ConsumerRecord<String, String> record) {
        JsonNode type = json.readTree(record.value()).get("type");
        return type == null ? "" : type.asString();
    }
}
