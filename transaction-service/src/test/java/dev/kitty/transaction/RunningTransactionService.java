package dev.kitty.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kitty.infra.EmbeddedKafkaBroker;
import dev.kitty.platform.test.EmbeddedInfrastructure;
import dev.kitty.platform.test.EventsOnKafka;
import dev.kitty.platform.test.MutableClock;
import dev.kitty.platform.test.TestTokens;
import dev.kitty.platform.test.TopicRecords;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
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
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * transaction-service over real PostgreSQL and Kafka, called through MockMvc on the full context with real access
 * tokens, with {@link StubBudgetService} as the only {@code budget-service} instance discovery knows (the
 * read-your-writes fallback). Every integration test extends it, so they share one application context (one Kafka
 * consumer in the group, one start-up), whose clock the tests move by hand.
 */
@SpringBootTest(properties = {
        "kitty.messaging.retry-backoff=50ms",
        "kitty.messaging.retry-attempts=2",
        // scheduled work (month close, recurring postings) runs only when a test calls it, at the test's clock
        "kitty.transaction.scheduler.enabled=false",
        // @EmbeddedInfrastructure switches discovery off; the simple discovery client (no Eureka) resolves http://budget-service
        "spring.cloud.discovery.enabled=true"})
@AutoConfigureMockMvc
@EmbeddedInfrastructure
@Import(TestClockConfiguration.class)
public abstract class RunningTransactionService {

    protected static final StubBudgetService BUDGET_SERVICE = StubBudgetService.start();

    /** A signed-in user with a fresh id, and their access token. */
    public record User(UUID id, String email, String token) {}

    /** A budget in the replica with one member of each role. */
    public record Team(UUID budget, User owner, User admin, User member, User viewer) {}

    @DynamicPropertySource
    static void budgetService(DynamicPropertyRegistry registry) {
        registry.add("spring.cloud.discovery.client.simple.instances.budget-service[0].uri", BUDGET_SERVICE::uri);
    }

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
    protected RecordedDomainEvents domainEvents;

    @Autowired
    protected KafkaTemplate<Object, Object> kafkaTemplate;

    @Autowired
    protected EmbeddedKafkaBroker broker;

    protected EventsOnKafka onKafka;

    @BeforeEach
    void resetClockAndConnect() {
        clock.set(Instant.now().truncatedTo(ChronoUnit.MICROS));
        BUDGET_SERVICE.mode(StubBudgetService.Mode.ANSWER);
        onKafka = new EventsOnKafka(kafkaTemplate, json);
    }

    protected User user(String name, String... systemRoles) {
        var id = UUID.randomUUID();
        var email = name + "." + id + "@example.com";
        return new User(id, email, tokens.accessToken(id, email, systemRoles.length == 0 ? new String[] {"USER"} : systemRoles));
    }

    /** What BudgetCreated would have told the replica (no default categories: those come with the real event). */
    protected UUID budgetInReplica(User owner, String currency) {
        var budget = UUID.randomUUID();
        jdbc.sql("INSERT INTO budget_ref (budget_id, currency, created_at) VALUES (:b, :c, now())").param("b", budget).param("c", currency).update();
        memberInReplica(budget, owner, "OWNER");
        return budget;
    }

    /** What MemberAdded would have told the replica. */
    protected void memberInReplica(UUID budget, User user, String role) {
        jdbc.sql("""
                INSERT INTO budget_member (budget_id, user_id, role, joined_at, updated_at, version) VALUES (:b, :u, :r, now(), now(), 1)
                ON CONFLICT (budget_id, user_id) DO UPDATE SET role = excluded.role, removed_at = NULL, joined_at = now()
                """)
                .param("b", budget).param("u", user.id()).param("r", role).update();
    }

    protected Team team(String currency) {
        var owner = user("owner");
        var budget = budgetInReplica(owner, currency);
        var admin = user("admin");
        var member = user("member");
        var viewer = user("viewer");
        memberInReplica(budget, admin, "ADMIN");
        memberInReplica(budget, member, "MEMBER");
        memberInReplica(budget, viewer, "VIEWER");
        return new Team(budget, owner, admin, member, viewer);
    }

    protected Team team() {
        return team("EUR");
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
        var content = new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
        if (status.isError()) {
            assertThat(result.getResponse().getContentType()).isEqualTo("application/problem+json");
        }
        return content.isEmpty() ? json.nullNode() : json.readTree(content);
    }

    protected String transactions(UUID budget) {
        return "/api/budgets/" + budget + "/transactions";
    }

    protected String categories(UUID budget) {
        return "/api/budgets/" + budget + "/categories";
    }

    /** Records an expense and returns the answer. */
    protected JsonNode record(UUID budget, User caller, String body) {
        return expect(call(HttpMethod.POST, transactions(budget), caller, body), HttpStatus.CREATED);
    }

    protected UUID category(UUID budget, User admin, String name, String type) {
        var created = expect(call(HttpMethod.POST, categories(budget), admin,
                "{\"name\": \"%s\", \"type\": \"%s\"}".formatted(name, type)), HttpStatus.CREATED);
        return UUID.fromString(created.get("id").asString());
    }

    protected long rows(String table, UUID budget) {
        return jdbc.sql("SELECT count(*) FROM " + table + " WHERE budget_id = :b").param("b", budget).query(Long.class).single();
    }

    /** The envelopes on {@code transaction.events} keyed by the budget, read until one satisfies {@code until}. */
    protected List<JsonNode> transactionEvents(UUID budget, Predicate<JsonNode> until) {
        var key = budget.toString();
        return TopicRecords.await(broker.bootstrapServers(), "transaction.events",
                        record -> key.equals(record.key()) && until.test(json.readTree(record.value())), Duration.ofSeconds(30))
                .stream().filter(record -> key.equals(record.key())).map(record -> json.readTree(record.value())).toList();
    }
}
