package dev.kitty.budget;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kitty.platform.test.web.TokenGate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class BudgetServiceIT extends RunningBudgetService {

    @Test
    void migratesThePlatformTablesAndItsOwnSchema() {
        var applied = jdbc.sql("SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank").query(String.class).list();

        assertThat(applied).contains("0.1", "0.2", "1", "2", "5");
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
     * A call without a token must be refused before any endpoint is looked up (401 problem, not
     * 404), a valid token must get past it, and health must stay open.
     */
    @Test
    void refusesApiCallsWithoutATokenBeforeLookingForAnEndpointAndKeepsHealthOpen() {
        TokenGate.refusesCallsWithoutATokenBeforeLookingForAnEndpoint(mvc, tokens.accessToken(UUID.randomUUID(), "ann@kitty.test", "USER"));
        assertThat(mvc.get().uri("/actuator/health/liveness")).hasStatus(HttpStatus.OK);
    }
}
