package dev.kitty.platform.test;

import dev.kitty.infra.EmbeddedKafkaBroker;
import dev.kitty.infra.EmbeddedMailServer;
import dev.kitty.infra.EmbeddedPostgresServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;

/**
 * The servers every {@link EmbeddedInfrastructure} context of this JVM shares, started on first
 * use and stopped when the JVM exits, after Spring Boot has closed the test contexts (Boot's
 * shutdown handlers run after its context-closing hook, so no context loses its database or
 * broker while it is still shutting down).
 */
record SharedInfrastructure(EmbeddedPostgresServer postgres, EmbeddedKafkaBroker kafka, EmbeddedMailServer mail,
        TestTokens tokens, EmbeddedJdbcConnectionDetails jdbcConnectionDetails) {

    static final String DATABASE = "kitty_test";

    private static final Logger log = LoggerFactory.getLogger(SharedInfrastructure.class);
    private static @Nullable SharedInfrastructure instance;
    private static @Nullable RuntimeException startFailure;

    static synchronized SharedInfrastructure get() {
        if (startFailure != null) {
            // fail every later context at once instead of retrying a start that cannot work
            throw new IllegalStateException("Embedded infrastructure failed to start earlier in this JVM", startFailure);
        }
        if (instance == null) {
            try {
                instance = start();
            } catch (RuntimeException e) {
                startFailure = e;
                throw e;
            }
            SpringApplication.getShutdownHandlers().add(instance::stop);
        }
        return instance;
    }

    EmbeddedKafkaConnectionDetails kafkaConnectionDetails() {
        return new EmbeddedKafkaConnectionDetails(List.of(kafka.bootstrapServers()));
    }

    Map<String, Object> properties() {
        return Map.of(
                "spring.mail.host", "127.0.0.1",
                "spring.mail.port", mail.smtpPort(),
                "kitty.security.jwk-set-uri", tokens.jwkSetUri().toString(),
                "kitty.security.issuer", TestTokens.ISSUER,
                "kitty.security.audience", TestTokens.AUDIENCE,
                "eureka.client.enabled", false,
                "spring.cloud.discovery.enabled", false);
    }

    private static SharedInfrastructure start() {
        long started = System.nanoTime();
        // in parallel: PostgreSQL's initdb runs in a child process while Kafka starts in this one
        try (var executor = Executors.newFixedThreadPool(4, Thread.ofPlatform().daemon().name("embedded-start-", 0).factory())) {
            Future<EmbeddedPostgresServer> postgres = executor.submit(EmbeddedPostgresServer::startTemporary);
            Future<EmbeddedKafkaBroker> kafka = executor.submit(EmbeddedKafkaBroker::startTemporary);
            Future<EmbeddedMailServer> mail = executor.submit(EmbeddedMailServer::startTemporary);
            Future<TestTokens> tokens = executor.submit((Callable<TestTokens>) TestTokens::start);
            List<AutoCloseable> started_ = new ArrayList<>();
            try {
                var infrastructure = new SharedInfrastructure(collect(postgres, started_), collect(kafka, started_),
                        collect(mail, started_), collect(tokens, started_), createDatabase(postgres.get()));
                log.info("Embedded infrastructure ready in {} ms: PostgreSQL {}, Kafka {}, SMTP {}, JWKS {}",
                        (System.nanoTime() - started) / 1_000_000, infrastructure.jdbcConnectionDetails.jdbcUrl(),
                        infrastructure.kafka.bootstrapServers(), infrastructure.mail.smtpPort(), infrastructure.tokens.jwkSetUri());
                return infrastructure;
            } catch (RuntimeException | ExecutionException | InterruptedException e) {
                closeAll(List.of(postgres, kafka, mail, tokens));
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                throw new IllegalStateException("Embedded infrastructure did not start", e instanceof ExecutionException ? e.getCause() : e);
            }
        }
    }

    private static <T extends AutoCloseable> T collect(Future<T> future, List<AutoCloseable> started)
            throws ExecutionException, InterruptedException {
        T server = future.get();
        started.add(server);
        return server;
    }

    private static EmbeddedJdbcConnectionDetails createDatabase(EmbeddedPostgresServer postgres) {
        String password = UUID.randomUUID().toString();
        postgres.ensureDatabase(DATABASE, DATABASE, password);
        return new EmbeddedJdbcConnectionDetails(postgres.jdbcUrl(DATABASE), DATABASE, password);
    }

    private static void closeAll(List<? extends Future<? extends AutoCloseable>> futures) {
        for (var future : futures) {
            try {
                future.get().close();
            } catch (Exception ignored) {
                // it failed to start, or fails to stop: the start failure is what the test reports
            }
        }
    }

    private void stop() {
        for (AutoCloseable server : List.of(tokens, mail, kafka, postgres)) {
            try {
                server.close();
            } catch (Exception e) {
                log.warn("Could not stop {}", server, e);
            }
        }
    }
}
