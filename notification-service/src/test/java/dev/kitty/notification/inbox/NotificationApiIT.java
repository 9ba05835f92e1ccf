package dev.kitty.notification.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kitty.platform.test.EmbeddedInfrastructure;
import dev.kitty.platform.test.TestTokens;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** GET /api/notifications and what the caller may do with their own, and only their own, notifications. */
@SpringBootTest
@AutoConfigureMockMvc
@EmbeddedInfrastructure
class NotificationApiIT {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestTokens tokens;

    final UUID ann = UUID.randomUUID();
    final UUID bob = UUID.randomUUID();
    final UUID budget = UUID.randomUUID();
    final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    UUID oldest;
    UUID middle;
    UUID newest;
    UUID bobs;

    @BeforeEach
    void notifications() {
        oldest = notify(ann, "Oldest", budget, now.minusSeconds(30));
        middle = notify(ann, "Middle", null, now.minusSeconds(20));
        newest = notify(ann, "Newest", null, now.minusSeconds(10));
        bobs = notify(bob, "Bob's", null, now);
    }

    @Test
    void listsTheCallersNotificationsNewestFirstInPages() {
        var first = mvc.get().uri("/api/notifications?page=0&size=2").header(HttpHeaders.AUTHORIZATION, bearer(ann));

        assertThat(first).hasStatus(HttpStatus.OK).bodyJson().isStrictlyEqualTo("""
                {"content": [
                   {"id": "%s", "type": "MEMBER_JOINED", "title": "Newest", "body": "Newest body", "budgetId": null, "read": false,
                    "createdAt": "%s"},
                   {"id": "%s", "type": "MEMBER_JOINED", "title": "Middle", "body": "Middle body", "budgetId": null, "read": false,
                    "createdAt": "%s"}],
                 "page": {"size": 2, "number": 0, "totalElements": 3, "totalPages": 2}}
                """.formatted(newest, now.minusSeconds(10), middle, now.minusSeconds(20)));
        assertThat(mvc.get().uri("/api/notifications?page=1&size=2").header(HttpHeaders.AUTHORIZATION, bearer(ann)))
                .hasStatus(HttpStatus.OK).bodyJson()
                .isLenientlyEqualTo("""
                        {"content": [{"id": "%s", "title": "Oldest", "budgetId": "%s"}], "page": {"number": 1, "totalElements": 3}}
                        """.formatted(oldest, budget));
        assertThat(mvc.get().uri("/api/notifications").header(HttpHeaders.AUTHORIZATION, bearer(ann))).bodyJson()
                .extractingPath("$.page.size").isEqualTo(20);
    }

    @ParameterizedTest
    @ValueSource(strings = {"page=-1", "size=0", "size=101", "page=x", "size=1.5", "page=1000001"})
    void refusesPagesThatCannotBe(String query) {
        var response = mvc.get().uri("/api/notifications?" + query).header(HttpHeaders.AUTHORIZATION, bearer(ann));

        assertThat(response).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void marksOneAsReadAndThenAll() {
        assertThat(mvc.post().uri("/api/notifications/{id}/read", middle).header(HttpHeaders.AUTHORIZATION, bearer(ann)))
                .hasStatus(HttpStatus.NO_CONTENT);
        assertThat(read()).containsExactly("Bob's false", "Middle true", "Newest false", "Oldest false");

        assertThat(mvc.post().uri("/api/notifications/read-all").header(HttpHeaders.AUTHORIZATION, bearer(ann)))
                .hasStatus(HttpStatus.NO_CONTENT);
        assertThat(read()).containsExactly("Bob's false", "Middle true", "Newest true", "Oldest true");
    }

    @Test
    void deletesOne() {
        assertThat(mvc.delete().uri("/api/notifications/{id}", newest).header(HttpHeaders.AUTHORIZATION, bearer(ann)))
                .hasStatus(HttpStatus.NO_CONTENT);

        assertThat(read()).containsExactly("Bob's false", "Middle false", "Oldest false");
    }

    @Test
    void anotherUsersNotificationIsNotFoundAndStaysAsItIs() {
        assertThat(mvc.post().uri("/api/notifications/{id}/read", bobs).header(HttpHeaders.AUTHORIZATION, bearer(ann)))
                .hasStatus(HttpStatus.NOT_FOUND).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(mvc.delete().uri("/api/notifications/{id}", bobs).header(HttpHeaders.AUTHORIZATION, bearer(ann)))
                .hasStatus(HttpStatus.NOT_FOUND).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(mvc.post().uri("/api/notifications/{id}/read", UUID.randomUUID()).header(HttpHeaders.AUTHORIZATION, bearer(ann)))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.post().uri("/api/notifications/read-all").header(HttpHeaders.AUTHORIZATION, bearer(ann)))
                .hasStatus(HttpStatus.NO_CONTENT);

        assertThat(read()).contains("Bob's false");
        assertThat(mvc.get().uri("/api/notifications").header(HttpHeaders.AUTHORIZATION, bearer(ann))).bodyJson()
                .extractingPath("$.content[*].title").asArray().doesNotContain("Bob's");
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-a-uuid", "1", "read-all-x", "00000000-0000-0000-0000-00000000000g"})
    void aMalformedIdIsABadRequestThatChangesNothing(String id) {
        assertThat(mvc.post().uri("/api/notifications/{id}/read", id).header(HttpHeaders.AUTHORIZATION, bearer(ann)))
                .hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(mvc.delete().uri("/api/notifications/{id}", id).header(HttpHeaders.AUTHORIZATION, bearer(ann)))
                .hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);

        assertThat(read()).containsExactly("Bob's false", "Middle false", "Newest false", "Oldest false");
    }

    @Test
    void nothingWithoutAToken() {
        assertThat(mvc.get().uri("/api/notifications")).hasStatus(HttpStatus.UNAUTHORIZED).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(mvc.post().uri("/api/notifications/read-all")).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(mvc.delete().uri("/api/notifications/{id}", newest)).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(read()).containsExactly("Bob's false", "Middle false", "Newest false", "Oldest false");
    }

    private String bearer(UUID user) {
        return "Bearer " + tokens.accessToken(user, user + "@example.com", "USER");
    }

    private UUID notify(UUID user, String title, @Nullable UUID budgetId, Instant at) {
        var id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO notification (id, user_id, type, title, body, budget_id, created_at)
                VALUES (?, ?, 'MEMBER_JOINED', ?, ?, ?, ?)
                """).params(id, user, title, title + " body", budgetId, java.sql.Timestamp.from(at)).update();
        return id;
    }

    private List<String> read() {
        return jdbc.sql("SELECT title || ' ' || read FROM notification WHERE user_id IN (?, ?) ORDER BY title").params(ann, bob)
                .query(String.class).list();
    }
}
