package dev.kitty.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kitty.infra.EmbeddedKafkaBroker;
import dev.kitty.platform.test.TestTokens;
import dev.kitty.platform.test.TopicRecords;
import dev.kitty.user.events.UserEvents;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.json.JsonMapper;

/** The HTTP API of a running server, with tokens signed like auth-service's and the profile created by a real event. */
class ProfileApiIT extends RunningUserService {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    TestTokens tokens;

    @Autowired
    KafkaTemplate<Object, Object> kafka;

    @Autowired
    EmbeddedKafkaBroker broker;

    RestTestClient http;
    UUID userId;
    String email;
    String token;

    @BeforeEach
    void registerAUser() {
        http = RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
        userId = UUID.randomUUID();
        email = "user-" + userId + "@example.com";
        token = tokens.accessToken(userId, email, "USER");
        new IdentityEventRecords(kafka).send(userId,
                IdentityEventRecords.registered(UUID.randomUUID().toString(), userId, email, "Margaret", Instant.now()));
        // what clients do right after registering: poll until the profile exists
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).until(() ->
                http.get().uri("/api/users/me").headers(bearer(token)).exchange().returnResult(String.class).getStatus().value() == 200);
    }

    @Test
    void showsTheProfileOfTheCaller() {
        http.get().uri("/api/users/me").headers(bearer(token)).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.id").isEqualTo(userId.toString())
                .jsonPath("$.email").isEqualTo(email)
                .jsonPath("$.displayName").isEqualTo("Margaret")
                .jsonPath("$.createdAt").exists();
    }

    @Test
    void aProfileThatDoesNotExistYetIsA404Problem() {
        http.get().uri("/api/users/me").headers(bearer(tokens.accessToken(UUID.randomUUID(), "nobody@example.com", "USER"))).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://kitty.dev/problems/profile-not-found");
    }

    @Test
    void withoutATokenTheAnswerIsA401Problem() {
        http.get().uri("/api/users/me").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().exists(HttpHeaders.WWW_AUTHENTICATE)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://kitty.dev/problems/unauthorized");
    }

    @Test
    void renamingTheProfileIsPublishedToOtherServices() {
        http.patch().uri("/api/users/me").headers(bearer(token)).contentType(MediaType.APPLICATION_JSON)
                .body("{\"displayName\": \"  Margaret Hamilton \"}").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.displayName").isEqualTo("Margaret Hamilton");

        var records = TopicRecords.await(broker.bootstrapServers(), UserEvents.TOPIC,
                r -> userId.toString().equals(r.key()) && r.value().contains("\"displayName\":\"Margaret Hamilton\""), PATIENCE);
        assertThat(records).anySatisfy(r -> assertThat(r.value())
                .contains("\"type\":\"" + UserEvents.PROFILE_UPDATED.name() + "\"")
                .contains("\"subject\":\"" + userId + "\"")
                .contains("\"version\":2"));
    }

    @Test
    void anInvalidRenameIsA400ProblemAndChangesNothing() {
        http.patch().uri("/api/users/me").headers(bearer(token)).contentType(MediaType.APPLICATION_JSON)
                .body("{\"displayName\": \"" + "x".repeat(81) + "\"}").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("displayName");

        http.get().uri("/api/users/me").headers(bearer(token)).exchange()
                .expectBody().jsonPath("$.displayName").isEqualTo("Margaret");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"\u200B\u200B", "\u0000", "\t\n", "\u202E", "Ann\u202Egnp", "\u3164", "\u0301"})
    void aDisplayNameWithNothingVisibleIsA400ProblemAndChangesNothing(String displayName) {
        http.patch().uri("/api/users/me").headers(bearer(token)).contentType(MediaType.APPLICATION_JSON)
                .body(JSON.writeValueAsString(Map.of("displayName", displayName))).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://kitty.dev/problems/validation")
                .jsonPath("$.errors[0].field").isEqualTo("displayName");

        http.get().uri("/api/users/me").headers(bearer(token)).exchange()
                .expectBody().jsonPath("$.displayName").isEqualTo("Margaret");
    }

    /** A well-formed BCP 47 tag longer than the locale column (64) used to reach the database and come back as a 409. */
    @Test
    void aSettingLongerThanItsColumnIsA400NamingItNotAConflict() {
        var locale = "de-x-aaaaaaaa-bbbbbbbb-cccccccc-dddddddd-eeeeeeee-ffffffff-gggggggg-hhhhhhhh";
        http.put().uri("/api/users/me/settings").headers(bearer(token)).contentType(MediaType.APPLICATION_JSON).body("""
                        {"currency": "CHF", "locale": "%s", "timeZone": "Europe/Zurich",
                         "notifications": {"invitations": true, "budgetAlerts": false, "goalReached": true, "monthlySummary": false}}"""
                        .formatted(locale))
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://kitty.dev/problems/validation")
                .jsonPath("$.errors[*].field").isEqualTo(java.util.List.of("locale"));

        http.get().uri("/api/users/me/settings").headers(bearer(token)).exchange()
                .expectBody().jsonPath("$.locale").isEqualTo("en");
    }

    @Test
    void settingsStartWithTheDefaultsAndCanBeReplaced() {
        http.get().uri("/api/users/me/settings").headers(bearer(token)).exchange()
                .expectStatus().isOk()
                .expectBody().json("""
                        {"currency": "EUR", "locale": "en", "timeZone": "UTC",
                         "notifications": {"invitations": true, "budgetAlerts": true, "goalReached": true, "monthlySummary": true}}""");

        http.put().uri("/api/users/me/settings").headers(bearer(token)).contentType(MediaType.APPLICATION_JSON).body("""
                        {"currency": "CHF", "locale": "de-ch", "timeZone": "Europe/Zurich",
                         "notifications": {"invitations": true, "budgetAlerts": false, "goalReached": true, "monthlySummary": false}}""")
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.locale").isEqualTo("de-CH");

        http.get().uri("/api/users/me/settings").headers(bearer(token)).exchange()
                .expectBody().json("""
                        {"currency": "CHF", "locale": "de-CH", "timeZone": "Europe/Zurich",
                         "notifications": {"invitations": true, "budgetAlerts": false, "goalReached": true, "monthlySummary": false}}""");
        var records = TopicRecords.await(broker.bootstrapServers(), UserEvents.TOPIC,
                r -> userId.toString().equals(r.key()) && r.value().contains("\"timeZone\":\"Europe/Zurich\""), PATIENCE);
        assertThat(records).anySatisfy(r -> assertThat(r.value())
                .contains("\"type\":\"" + UserEvents.NOTIFICATION_SETTINGS_CHANGED.name() + "\"")
                .contains("\"budgetAlerts\":false"));
    }

    @Test
    void invalidSettingsAreA400ProblemNamingEachFieldAndChangeNothing() {
        http.put().uri("/api/users/me/settings").headers(bearer(token)).contentType(MediaType.APPLICATION_JSON).body("""
                        {"currency": "EURO", "locale": "en_US", "timeZone": "Mars/Olympus",
                         "notifications": {"invitations": true, "budgetAlerts": true, "goalReached": true, "monthlySummary": true}}""")
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://kitty.dev/problems/validation")
                // "EURO" is both longer than the column and no ISO 4217 code: each rule it breaks is listed
                .jsonPath("$.errors[*].field").isEqualTo(java.util.List.of("currency", "currency", "locale", "timeZone"));

        http.get().uri("/api/users/me/settings").headers(bearer(token)).exchange()
                .expectBody().jsonPath("$.currency").isEqualTo("EUR");
    }

    @Test
    void adminsFindProfilesByTheWholeEmailInAnyCaseAndUsersMayNot() {
        var admin = tokens.accessToken(UUID.randomUUID(), "admin@example.com", "USER", "ADMIN");

        http.get().uri("/api/users?email={email}&size=5", email.toUpperCase()).headers(bearer(admin)).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.content[0].id").isEqualTo(userId.toString())
                .jsonPath("$.content[0].email").isEqualTo(email)
                .jsonPath("$.content[0].displayName").isEqualTo("Margaret")
                .jsonPath("$.content[0].createdAt").exists()
                .jsonPath("$.page.size").isEqualTo(5)
                .jsonPath("$.page.totalElements").isEqualTo(1);
        http.get().uri("/api/users?email={part}", userId.toString().substring(0, 13)).headers(bearer(admin)).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.page.totalElements").isEqualTo(0);
        http.get().uri("/api/users?email={pattern}", "%" + email.substring(1)).headers(bearer(admin)).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.page.totalElements").isEqualTo(0); // % is no wildcard

        http.get().uri("/api/users").headers(bearer(token)).exchange()
                .expectStatus().isEqualTo(HttpStatus.FORBIDDEN)
                .expectBody().jsonPath("$.type").isEqualTo("https://kitty.dev/problems/forbidden");
        http.get().uri("/api/users?email={email}", email).headers(bearer(token)).exchange()
                .expectStatus().isEqualTo(HttpStatus.FORBIDDEN);
        http.get().uri("/api/users?size=101").headers(bearer(admin)).exchange()
                .expectStatus().isBadRequest();
    }

    @Test
    void adminsPageThroughEveryoneOldestFirst() {
        var admin = tokens.accessToken(UUID.randomUUID(), "admin@example.com", "USER", "ADMIN");
        var first = UUID.fromString("00000000-0000-4000-8000-000000000001");
        var second = UUID.fromString("00000000-0000-4000-8000-000000000002");
        var identity = new IdentityEventRecords(kafka);
        // registered in the opposite order of their ids, both before anyone else
        identity.send(second, IdentityEventRecords.registered(UUID.randomUUID().toString(), second, "second@example.com", "Second",
                Instant.parse("1970-01-01T00:00:01Z")));
        identity.send(first, IdentityEventRecords.registered(UUID.randomUUID().toString(), first, "first@example.com", "First",
                Instant.parse("1970-01-01T00:00:02Z")));
        await().atMost(PATIENCE).until(() -> http.get().uri("/api/users?email=first@example.com").headers(bearer(admin)).exchange()
                .returnResult(String.class).getResponseBody().contains(first.toString()));

        http.get().uri("/api/users?page=0&size=2").headers(bearer(admin)).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.content[0].id").isEqualTo(second.toString())
                .jsonPath("$.content[1].id").isEqualTo(first.toString());
    }

    private static java.util.function.Consumer<HttpHeaders> bearer(String token) {
        return headers -> headers.setBearerAuth(token);
    }
}
