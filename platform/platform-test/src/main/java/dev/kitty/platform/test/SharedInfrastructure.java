package dev.kitty.platform.test;

import dev.kitty.infra.EmbeddedKafkaBroker;
import dev.kitty.infra.EmbeddedMailServer;
import dev.kitty.infra.EmbeddedPostgresServer;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
        SharedInfrastructure current = instance;
        if (current == null) {
            try {
                current = start();
            } catch (RuntimeException e) {
                startFailure = e;
                throw e;
            }
            SpringApplication.getShutdownHandlers().add(current::stop);
            instance = current;
        }
        return current;
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
        Future<EmbeddedPostgresServer> postgres;
        Future<EmbeddedKafkaBroker> kafka;
        Future<EmbeddedMailServer> mail;
        Future<TestTokens> tokens;
        // in parallel: PostgreSQL's initdb runs in a child process while Kafka starts in this one;
        // closing the executor waits for all four
        try (var executor = Executors.newFixedThreadPool(4, Thread.ofPlatform().daemon().name("embedded-start-", 0).factory())) {
            postgres = executor.submit(EmbeddedPostgresServer::startTemporary);
            kafka = executor.submit(EmbeddedKafkaBroker::startTemporary);
            mail = executor.submit(EmbeddedMailServer::startTemporary);
            tokens = executor.submit(TestTokens::start);
        }
        List<Future<?>> all = List.of(postgres, kafka, mail, tokens);
        var failure = new IllegalStateException("Embedded infrastructure did not start");
        all.stream().filter(f -> f.state() == Future.State.FAILED).forEach(f -> failure.addSuppressed(f.exceptionNow()));
        if (failure.getSuppressed().length > 0) {
            stopStarted(all);
            throw failure;
        }
        try {
            var infrastructure = new SharedInfrastructure(postgres.resultNow(), kafka.resultNow(), mail.resultNow(),
                    tokens.resultNow(), createDatabase(postgres.resultNow()));
            log.info("Embedded infrastructure ready in {} ms: {}, Kafka {}, SMTP {}, JWKS {}",
                    (System.nanoTime() - started) / 1_000_000, infrastructure.jdbcConnectionDetails.jdbcUrl(),
                    infrastructure.kafka.bootstrapServers(), infrastructure.mail.smtpPort(), infrastructure.tokens.jwkSetUri());
            return infrastructure;
        } catch (RuntimeException e) {
            stopStarted(all);
            throw e;
        }
    }

    private static void stopStarted(List<Future<?>> servers) {
        servers.stream().filter(f -> f.state() == Future.State.SUCCESS).map(Future::resultNow).forEach(SharedInfrastructure::stop);
    }

    private static EmbeddedJdbcConnectionDetails createDatabase(EmbeddedPostgresServer postgres) {
        String password = UUID.randomUUID().toString();
        postgres.ensureDatabase(DATABASE, DATABASE, password);
        return new EmbeddedJdbcConnectionDetails(postgres.jdbcUrl(DATABASE), DATABASE, password);
    }

    private void stop() {
        List.of(tokens, mail, kafka, postgres).forEach(SharedInfrastructure::stop);
    }

    private static void stop(Object server) {
        try {
            switch (server) {
                case TestTokens tokens -> tokens.stop();
                case AutoCloseable closeable -> closeable.close();
                default -> throw new IllegalArgumentException("Not a server: " + server);
            }
        } catch (Exception e) {
            log.warn("Could not stop {}", server, e);
        }
    }
}
