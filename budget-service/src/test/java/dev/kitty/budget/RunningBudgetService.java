package dev.kitty.budget;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kitty.infra.EmbeddedKafkaBroker;
import dev.kitty.platform.test.EmbeddedInfrastructure;
import dev.kitty.platform.test.EventsOnKafka;
import dev.kitty.platform.test.MutableClock;
import dev.kitty.platform.test.TestTokens;
import dev.kitty.platform.test.TopicRecords;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * budget-service over real PostgreSQL and Kafka, called through MockMvc on the full context with
 * real access tokens. Every integration test extends it, so they share one application context
 * (one Kafka consumer in the group, one start-up), whose clock the tests move by hand.
 */
@SpringBootTest
@AutoConfigureMockMvc
@EmbeddedInfrastructure
@Import(TestClockConfiguration.class)
public abstract class RunningBudgetService {

    /** A signed-in user with a fresh id and address, and their access token. */
    public record User(UUID id, String email, String token) {}

    /** A fresh budget with one member of each role, and one pending invitation. */
    public record Team(UUID budget, User owner, User admin, User member, User viewer, UUID pendingInvitation, String pendingEmail) {}

    @Autowired
    protected MockMvcTester mvc;

    @Autowired
    protected TestTokens tokens;

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    protected JsonMapper json;

    @Autowired
    protected MutableClock clock;

    @Autowired
    protected KafkaTemplate<Object, Object> kafkaTemplate;

    @Autowired
    protected EmbeddedKafkaBroker kafka;

    protected EventsOnKafka events;

    @BeforeEach
    void resetClockAndConnect() {
        clock.set(Instant.now().truncatedTo(ChronoUnit.MICROS));
        events = new EventsOnKafka(kafkaTemplate, json);
    }

    protected User user(String name, String... systemRoles) {
        var id = UUID.randomUUID();
        var email = name + "." + id + "@example.com";
        return new User(id, email, tokens.accessToken(id, email, systemRoles.length == 0 ? new String[] {"USER"} : systemRoles));
    }

    /** A token that says the address is not verified, as one minted before the verification does. */
    protected User withUnverifiedToken(User user) {
        var claims = tokens.validClaims(user.id()).claim("email", user.email()).claim("email_verified", false)
                .claim("roles", List.of("USER")).claim("amr", List.of("pwd")).build();
        var header = new com.nimbusds.jose.JWSHeader.Builder(com.nimbusds.jose.JWSAlgorithm.RS256).keyID(tokens.keyId())
                .type(com.nimbusds.jose.JOSEObjectType.JWT).build();
        return new User(user.id(), user.email(), tokens.sign(header, claims));
    }

    /** What identity and user events would have told the account replica. */
    protected void knownUser(User user, @Nullable String displayName, boolean verified) {
        jdbc.sql("""
                INSERT INTO known_user (user_id, email, display_name, verified_email, updated_at)
                VALUES (:id, :email, :name, :verified, now())
                """)
                .param("id", user.id()).param("email", user.email()).param("name", displayName)
                .param("verified", verified ? user.email() : null)
                .update();
    }

    protected MvcTestResult call(HttpMethod method, String path, @Nullable User caller, @Nullable String body, String... headers) {
        var request = mvc.method(method).uri(path).accept(MediaType.APPLICATION_JSON);
        if (caller != null) {
            request = request.header(HttpHeaders.AUTHORIZATION, "Bearer " + caller.token());
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request = request.header(headers[i], headers[i + 1]);
        }
        if (body != null) {
            request = request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        return request.exchange();
    }

    protected JsonNode expect(MvcTestResult result, HttpStatus status) {
        assertThat(result).hasStatus(status);
        var content = new String(result.getResponse().getContentAsByteArray(), java.nio.charset.StandardCharsets.UTF_8);
        return content.isEmpty() ? json.nullNode() : json.readTree(content);
    }

    protected JsonNode body(Object value) {
        return json.valueToTree(value);
    }

    protected String jsonOf(Map<String, ?> fields) {
        return json.writeValueAsString(fields);
    }

    protected UUID createBudget(User owner, String name) {
        var created = expect(call(HttpMethod.POST, "/api/budgets", owner, jsonOf(Map.of("name", name, "currency", "EUR"))), HttpStatus.CREATED);
        return UUID.fromString(created.get("id").asString());
    }

    protected UUID invite(User inviter, UUID budget, String email, String role) {
        var created = expect(call(HttpMethod.POST, "/api/budgets/" + budget + "/invitations", inviter,
                jsonOf(Map.of("email", email, "role", role))), HttpStatus.CREATED);
        return UUID.fromString(created.get("id").asString());
    }

    protected void accept(User invitee, UUID invitation) {
        expect(call(HttpMethod.POST, "/api/invitations/" + invitation + "/accept", invitee, null), HttpStatus.OK);
    }

    /** Invites and accepts. */
    protected void join(User inviter, UUID budget, User invitee, String role) {
        accept(invitee, invite(inviter, budget, invitee.email(), role));
    }

    protected Team team() {
        var owner = user("owner");
        var admin = user("admin");
        var member = user("member");
        var viewer = user("viewer");
        var budget = createBudget(owner, "Household " + owner.id());
        join(owner, budget, admin, "ADMIN");
        join(owner, budget, member, "MEMBER");
        join(owner, budget, viewer, "VIEWER");
        var pendingEmail = "pending." + UUID.randomUUID() + "@example.com";
        var pending = invite(owner, budget, pendingEmail, "VIEWER");
        return new Team(budget, owner, admin, member, viewer, pending, pendingEmail);
    }

    /**
     * The envelopes on {@code budget.events} keyed by the budget, read until one satisfies {@code until}.
     * Each transaction's events leave the outbox after its commit, so events of different requests
     * are compared as a set rather than by their order on the topic.
     */
    protected List<JsonNode> budgetEvents(UUID budget, java.util.function.Predicate<JsonNode> until) {
        var key = budget.toString();
        return TopicRecords.await(kafka.bootstrapServers(), "budget.events",
                        record -> key.equals(record.key()) && until.test(json.readTree(record.value())), Duration.ofSeconds(30))
                .stream().filter(record -> key.equals(record.key())).map(record -> json.readTree(record.value())).toList();
    }

    /** Read until {@code count} events of the budget are there. */
    protected List<JsonNode> budgetEvents(UUID budget, int count) {
        var seen = new java.util.concurrent.atomic.AtomicInteger();
        return budgetEvents(budget, envelope -> seen.incrementAndGet() >= count);
    }

    protected static List<JsonNode> ofType(List<JsonNode> envelopes, String type) {
        return envelopes.stream().filter(e -> e.get("type").asString().equals(type)).map(e -> e.get("data")).toList();
    }

    protected @Nullable String roleOf(UUID budget, UUID user) {
        return jdbc.sql("SELECT role FROM membership WHERE budget_id = :b AND user_id = :u").param("b", budget).param("u", user)
                .query(String.class).optional().orElse(null);
    }
}
