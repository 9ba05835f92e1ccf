package dev.kitty.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kitty.platform.test.TestTokens;
import dev.kitty.platform.test.web.TokenGate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

class TransactionServiceIT extends RunningTransactionService {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void migratesThePlatformTablesAndItsOwnSchema() {
        var applied = jdbc.sql("SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank").query(String.class).list();

        assertThat(applied).contains("0.1", "0.2", "1");
        var tables = jdbc.sql("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'").query(String.class).list();
        assertThat(tables).contains("event_publication", "processed_event", "budget_ref", "budget_member", "deleted_budget");
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
     * The resource server in front of every endpoint: a
     * call without a token must be refused before any endpoint is looked up (401 problem, not 404),
     * a valid token must get past it, and health must stay open.
     */
    @Test
    void refusesApiCallsWithoutATokenBeforeLookingForAnEndpointAndKeepsHealthOpen(@Autowired TestTokens tokens) {
        TokenGate.refusesCallsWithoutATokenBeforeLookingForAnEndpoint(mvc, tokens.accessToken(UUID.randomUUID(), "ann@kitty.test", "USER"));
        assertThat(mvc.get().uri("/actuator/health/liveness")).hasStatus(HttpStatus.OK);
    }
}
