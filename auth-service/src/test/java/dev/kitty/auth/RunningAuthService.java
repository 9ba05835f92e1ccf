package dev.kitty.auth;

import dev.kitty.infra.EmbeddedKafkaBroker;
import dev.kitty.platform.test.EmbeddedInfrastructure;
import dev.kitty.platform.test.TestTokens;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
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

    @Autowired
    protected JdbcConnectionDetails database;

    protected AuthApi api;

    @BeforeEach
    void connectToRunningService() {
        api = new AuthApi(port, json);
    }

    /**
     * A second auth-service on the same database and broker, as after a restart or on another node,
     * on a port of its own ({@link #portOf}); its Kafka listeners stay off. Close it when done.
     *
     * @param arguments more settings, as command-line arguments ({@code --name=value}): like these
     *                  they outrank application.yml (builder properties would not)
     */
    protected ConfigurableApplicationContext startAnotherInstance(String... arguments) {
        var common = List.of(
                "--server.port=0",
                "--management.server.port=0",
                "--spring.main.banner-mode=off",
                "--spring.datasource.url=" + database.getJdbcUrl(),
                "--spring.datasource.username=" + database.getUsername(),
                "--spring.datasource.password=" + database.getPassword(),
                "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                "--spring.kafka.listener.auto-startup=false",
                "--kitty.security.issuer=" + TestTokens.ISSUER,
                "--eureka.client.enabled=false",
                "--spring.cloud.discovery.enabled=false");
        return new SpringApplicationBuilder(AuthServiceApplication.class)
                .run(Stream.concat(common.stream(), Stream.of(arguments)).toArray(String[]::new));
    }

    protected static int portOf(ConfigurableApplicationContext instance) {
        return Integer.parseInt(Objects.requireNonNull(instance.getEnvironment().getProperty("local.server.port")));
    }
}
