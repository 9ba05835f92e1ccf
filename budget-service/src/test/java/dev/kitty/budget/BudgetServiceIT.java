package dev.kitty.budget;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kitty.platform.test.EmbeddedInfrastructure;
import dev.kitty.platform.test.TestTokens;
import dev.kitty.platform.test.web.TokenGate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@SpringBootTest
@AutoConfigureMockMvc
@EmbeddedInfrastructure
class BudgetServiceIT {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void migratesThePlatformTablesAndItsOwnSchema() {
        var applied = jdbc.sql("SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank").query(String.class).list();

        assertThat(applied).contains("0.1", "0.2", "1", "2");
        var tables = jdbc.sql("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'").query(String.class).list();
        assertThat(tables).contains("event_publication", "processed_event", "known_user", "deleted_user", "budget", "membership",
                "invitation");
    }

    @Test
    void isReadyWhenItsDatabaseAndKafkaAre() {
        assertThat(mvc.get().uri("/actuator/health/readiness"))
                .hasStatus(HttpStatus.OK)
                .bodyJson()
                .isLenientlyEqualTo("""
                        {"status": "UP", "components": {"db": {"status": "UP"}, "kafka": {"status": "UP"}}}
                        """);
    }

    /**
     * budget-service has no HTTP API yet, so what can break is the resource server in front of it: a
     * call without a token must be refused before any endpoint is looked up (401 problem, not 404),
     * a valid token must get past it, and health must stay open.
     */
    @Test
    void refusesApiCallsWithoutATokenBeforeLookingForAnEndpointAndKeepsHealthOpen(@Autowired TestTokens tokens) {
        TokenGate.refusesCallsWithoutATokenBeforeLookingForAnEndpoint(mvc, tokens.accessToken(UUID.randomUUID(), "ann@kitty.test", "USER"));
        assertThat(mvc.get().uri("/actuator/health/liveness")).hasStatus(HttpStatus.OK);
    }
}
