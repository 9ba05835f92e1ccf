package dev.kitty.auth;

import dev.kitty.infra.EmbeddedKafkaBroker;
import dev.kitty.platform.test.EmbeddedInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * auth-service on a random port over real PostgreSQL and Kafka, reached over HTTP through
 * {@link AuthApi}. Every integration test shares this one configuration, so they also share one
 * cached application context.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = "kitty.auth.exchange.client-secret=" + RunningAuthService.EXCHANGE_CLIENT_SECRET)
@EmbeddedInfrastructure
public abstract class RunningAuthService {

    /** What the gateway would present to the credential exchange. */
    public static final String EXCHANGE_CLIENT_SECRET = "auth-service-integration-tests-exchange-secret";

    @LocalServerPort
    protected int port;

    @Autowired
    protected JsonMapper json;

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    protected EmbeddedKafkaBroker kafka;

    protected AuthApi api;

    @BeforeEach
    void connectToRunningService() {
        api = new AuthApi(port, json);
    }
}
