package dev.kitty.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import dev.kitty.infra.EmbeddedKafkaBroker;
import dev.kitty.platform.test.TestTokens;
import dev.kitty.platform.test.TopicRecords;
import dev.kitty.user.StubAuthService.Answer;
import dev.kitty.user.events.UserEvents;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JCircuitBreakerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Deleting a user (issue 8, ADR 12) on real PostgreSQL and Kafka, with {@link StubAuthService} as auth-service's
 * approval endpoint: what is asked there, how each answer reaches the client, and what an approved deletion leaves
 * behind (no profile, no settings, a tombstone, {@code UserDeleted} on {@code user.events}).
 */
class AccountDeletionIT extends RunningUserService {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PROBLEMS = "https://kitty.dev/problems/";
    private static final String PASSWORD = "violet-harbour-engine-42";

    @LocalServerPort
    int port;

    @Autowired
    TestTokens tokens;

    @Autowired
    KafkaTemplate<Object, Object> kafka;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    JdbcClient jdbc;

    RestTestClient http;
    IdentityEventRecords identity;
    UUID userId;
    String email;
    String token;

    @Autowired
    Resilience4JCircuitBreakerFactory breakers;

    @BeforeEach
    void registerAUser() {
        AUTH_SERVICE.reset();
        breaker().reset();
        // not Apache HttpClient 5 (the default when on the class path): it silently repeats a 429 or 503 after a pause
        http = RestTestClient.bindToServer(new JdkClientHttpRequestFactory()).baseUrl("http://localhost:" + port).build();
        identity = new IdentityEventRecords(kafka);
        userId = UUID.randomUUID();
        email = "leaver-" + userId + "@example.com";
        token = tokens.accessToken(userId, email, "USER");
        register(userId, email);
    }

    @Test
    void deletesOnesOwnAccountOnceAuthServiceApprovesAndAnnouncesIt() {
        var response = deleteMe(token, Map.of("password", PASSWORD, "otp", "123456"));

        response.expectStatus().isAccepted();
        var asked = AUTH_SERVICE.requests();
        assertThat(asked).hasSize(1);
        assertThat(asked.getFirst().method()).isEqualTo("POST");
        assertThat(asked.getFirst().path()).isEqualTo(StubAuthService.APPROVALS);
        assertThat(asked.getFirst().authorization()).as("the caller's own token, forwarded").isEqualTo("Bearer " + token);
        assertThat(JSON.readTree(asked.getFirst().body())).isEqualTo(JSON.readTree("""
                {"userId": "%s", "password": "%s", "otp": "123456"}""".formatted(userId, PASSWORD)));
        assertThat(rows("SELECT count(*) FROM profile WHERE id = ?", userId)).isZero();
        assertThat(rows("SELECT count(*) FROM settings WHERE user_id = ?", userId)).isZero();
        assertThat(rows("SELECT count(*) FROM deleted_user WHERE user_id = ?", userId)).as("tombstone").isOne();
        var deleted = awaitUserEvent(userId, UserEvents.USER_DELETED.name());
        assertThat(JSON.readTree(deleted.value()).path("data").path("userId").asString()).isEqualTo(userId.toString());
        assertThat(JSON.readTree(deleted.value()).path("data").path("deletedAt").asString()).isNotBlank();

        http.get().uri("/api/users/me").headers(bearer(token)).exchange().expectStatus().isNotFound();
        deleteMe(token, Map.of("password", PASSWORD)).expectStatus().isNotFound();
        assertThat(AUTH_SERVICE.requests()).as("a deleted user is gone without asking again").hasSize(1);
    }

    @Test
    void aLateOrReplayedRegistrationNeverBringsADeletedUserBack() {
        deleteMe(token, Map.of("password", PASSWORD)).expectStatus().isAccepted();

        var replayed = UUID.randomUUID().toString();
        var verified = UUID.randomUUID().toString();
        identity.send(userId, IdentityEventRecords.registered(replayed, userId, email, "Back again", Instant.now()));
        identity.send(userId, IdentityEventRecords.emailVerified(verified, userId, email));

        await().atMost(PATIENCE).until(() -> rows("SELECT count(*) FROM processed_event WHERE event_id IN (?, ?)", replayed, verified) == 2);
        assertThat(rows("SELECT count(*) FROM profile WHERE id = ?", userId)).isZero();
        assertThat(rows("SELECT count(*) FROM settings WHERE user_id = ?", userId)).isZero();
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of(401, "invalid-credentials", Map.of()),
                Arguments.of(401, "mfa-required", Map.of()),
                Arguments.of(403, "forbidden", Map.of()),
                Arguments.of(403, "interactive-login-required", Map.of()),
                Arguments.of(404, "not-found", Map.of()),
                Arguments.of(409, "last-super-user", Map.of()),
                Arguments.of(429, "throttled", Map.of("Retry-After", "42")));
    }

    @ParameterizedTest(name = "auth-service {0} {1} -> the same for the client, nothing deleted")
    @MethodSource("refusals")
    void relaysEachRefusalWithItsStatusAndTypeAndDeletesNothing(int status, String slug, Map<String, String> headers) {
        AUTH_SERVICE.answer(StubAuthService.problem(status, slug, headers));

        var response = deleteMe(token, Map.of("password", PASSWORD));

        response.expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo(PROBLEMS + slug)
                .jsonPath("$.status").isEqualTo(status)
                .jsonPath("$.detail").isEqualTo("auth-service says no (" + slug + ").");
        if (status == 429) {
            deleteMe(token, Map.of("password", PASSWORD)).expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "42");
        }
        assertNothingDeleted(userId);
    }

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of("500", new Answer.Status(500, "", Map.of())),
                Arguments.of("503", new Answer.Status(503, "", Map.of())),
                Arguments.of("an unexpected 400", StubAuthService.problem(400, "validation", Map.of())),
                Arguments.of("connection closed without an answer", new Answer.Hangup()),
                Arguments.of("no answer within the 3 s timeout", new Answer.Slow(Duration.ofSeconds(5))));
    }

    @ParameterizedTest(name = "auth-service: {0} -> 503, nothing deleted")
    @MethodSource("failures")
    void answersServiceUnavailableWhenAuthServiceCannotAnswer(String what, Answer answer) {
        AUTH_SERVICE.answer(answer);
        var started = System.nanoTime();

        deleteMe(token, Map.of("password", PASSWORD))
                .expectStatus().isEqualTo(503)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "deletion-approval-unavailable");

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertNothingDeleted(userId);
    }

    @Test
    void anOpenCircuitBreakerAnswers503AtOnceWithoutAskingAuthService() {
        breaker().transitionToOpenState();

        deleteMe(token, Map.of("password", PASSWORD))
                .expectStatus().isEqualTo(503)
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "deletion-approval-unavailable");

        assertThat(AUTH_SERVICE.requests()).isEmpty();
        assertNothingDeleted(userId);
    }

    @Test
    void refusalsNeverOpenTheCircuitBreaker() {
        AUTH_SERVICE.answer(StubAuthService.problem(401, "invalid-credentials", Map.of()));

        for (int i = 0; i < 12; i++) {
            deleteMe(token, Map.of("password", PASSWORD + "-wrong")).expectStatus().isUnauthorized();
        }

        assertThat(breaker().getState()).isEqualTo(io.github.resilience4j.circuitbreaker.CircuitBreaker.State.CLOSED);
        assertThat(AUTH_SERVICE.requests()).hasSize(12);
    }

    @Test
    void aTokenFromAPersonalAccessTokenMayNotDeleteTheAccount() {
        var claims = tokens.validClaims(userId).claim("email", email).claim("email_verified", true)
                .claim("roles", List.of("USER")).claim("amr", List.of("pat")).build();
        var patToken = tokens.sign(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(tokens.keyId()).type(JOSEObjectType.JWT).build(), claims);

        deleteMe(patToken, Map.of("password", PASSWORD))
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "interactive-login-required");

        assertThat(AUTH_SERVICE.requests()).isEmpty();
        assertNothingDeleted(userId);
    }

    @Test
    void plainUsersMayNotUseTheAdminEndpoints() {
        var other = UUID.randomUUID();
        register(other, "other-" + other + "@example.com");

        http.get().uri("/api/users?email={email}", "other-" + other + "@example.com").headers(bearer(token)).exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "forbidden");
        http.delete().uri("/api/users/{id}", other).headers(bearer(token)).exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "forbidden");

        assertThat(AUTH_SERVICE.requests()).isEmpty();
        assertNothingDeleted(other);
    }

    @Test
    void anAdministratorDeletesSomeoneElseWithAuthServicesApproval() {
        var adminId = UUID.randomUUID();
        var admin = tokens.accessToken(adminId, "admin-" + adminId + "@example.com", "USER", "ADMIN");

        http.delete().uri("/api/users/{id}", userId).headers(bearer(admin)).exchange().expectStatus().isAccepted();

        assertThat(AUTH_SERVICE.requests()).singleElement().satisfies(asked -> {
            assertThat(asked.authorization()).isEqualTo("Bearer " + admin);
            assertThat(JSON.readTree(asked.body())).as("no secrets for someone else's account")
                    .isEqualTo(JSON.readTree("{\"userId\": \"%s\"}".formatted(userId)));
        });
        assertThat(rows("SELECT count(*) FROM profile WHERE id = ?", userId)).isZero();
        assertThat(rows("SELECT count(*) FROM deleted_user WHERE user_id = ?", userId)).isOne();
        awaitUserEvent(userId, UserEvents.USER_DELETED.name());

        http.delete().uri("/api/users/{id}", adminId).headers(bearer(admin)).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "own-account");
        assertThat(AUTH_SERVICE.requests()).as("one's own account needs the password: not through this endpoint").hasSize(1);

        var unknown = UUID.randomUUID();
        AUTH_SERVICE.answer(StubAuthService.problem(404, "not-found", Map.of()));
        http.delete().uri("/api/users/{id}", unknown).headers(bearer(admin)).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "not-found");
        assertThat(rows("SELECT count(*) FROM deleted_user WHERE user_id = ?", unknown)).isZero();
    }

    static Stream<Arguments> badDeletions() {
        return Stream.of(
                Arguments.of("no body", null),
                Arguments.of("no password", "{}"),
                Arguments.of("an empty password", "{\"password\": \"\"}"),
                Arguments.of("a password longer than any login's", "{\"password\": \"" + "x".repeat(2049) + "\"}"),
                Arguments.of("a password that is a number", "{\"password\": 12345678901234}"),
                Arguments.of("an otp too long to be one", "{\"password\": \"" + PASSWORD + "\", \"otp\": \"" + "1".repeat(17) + "\"}"),
                Arguments.of("a recovery code too long to be one", "{\"password\": \"" + PASSWORD + "\", \"recoveryCode\": \"" + "a".repeat(65) + "\"}"),
                Arguments.of("not JSON", "{\"password\": "));
    }

    @ParameterizedTest(name = "DELETE /api/users/me with {0} -> 400, auth-service not asked, nothing deleted")
    @MethodSource("badDeletions")
    void refusesBadInputWithoutAskingOrDeleting(String what, String body) {
        var request = http.method(HttpMethod.DELETE).uri("/api/users/me").headers(bearer(token));
        var response = body == null ? request.exchange() : request.contentType(MediaType.APPLICATION_JSON).body(body).exchange();

        response
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);

        assertThat(AUTH_SERVICE.requests()).isEmpty();
        assertNothingDeleted(userId);
    }

    @Test
    void aMalformedUserIdIsA400() {
        var admin = tokens.accessToken(UUID.randomUUID(), "admin@example.com", "USER", "ADMIN");

        http.delete().uri("/api/users/not-a-uuid").headers(bearer(admin)).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);

        assertThat(AUTH_SERVICE.requests()).isEmpty();
    }

    private io.github.resilience4j.circuitbreaker.CircuitBreaker breaker() {
        return breakers.getCircuitBreakerRegistry().circuitBreaker("auth-deletion-approval");
    }

    private RestTestClient.ResponseSpec deleteMe(String bearerToken, Map<String, ?> body) {
        return http.method(HttpMethod.DELETE).uri("/api/users/me").headers(bearer(bearerToken)).contentType(MediaType.APPLICATION_JSON)
                .body(JSON.writeValueAsString(body)).exchange();
    }

    private void register(UUID id, String address) {
        identity.send(id, IdentityEventRecords.registered(UUID.randomUUID().toString(), id, address, "Leaver", Instant.now()));
        await().atMost(PATIENCE).until(() -> rows("SELECT count(*) FROM settings WHERE user_id = ?", id) == 1);
    }

    private void assertNothingDeleted(UUID id) {
        assertThat(rows("SELECT count(*) FROM profile WHERE id = ?", id)).isOne();
        assertThat(rows("SELECT count(*) FROM settings WHERE user_id = ?", id)).isOne();
        assertThat(rows("SELECT count(*) FROM deleted_user WHERE user_id = ?", id)).isZero();
    }

    private long rows(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    private ConsumerRecord<String, String> awaitUserEvent(UUID id, String type) {
        var records = TopicRecords.await(broker.bootstrapServers(), UserEvents.TOPIC,
                r -> id.toString().equals(r.key()) && r.value().contains("\"type\":\"" + type + "\""), PATIENCE);
        return records.getLast();
    }

    private static Consumer<HttpHeaders> bearer(String token) {
        return headers -> headers.setBearerAuth(token);
    }
}
