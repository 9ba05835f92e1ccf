package dev.kitty.devstack;

import dev.kitty.infra.EmbeddedKafkaBroker;
import dev.kitty.infra.EmbeddedMailServer;
import dev.kitty.infra.EmbeddedPostgresServer;
import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** PostgreSQL with one database per service, a Kafka broker and a mail server, all in the launcher's JVM. */
final class Infrastructure implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Infrastructure.class);

    private final EmbeddedPostgresServer postgres;

    private final EmbeddedKafkaBroker kafka;

    private final EmbeddedMailServer mail;

    private Infrastructure(EmbeddedPostgresServer postgres, EmbeddedKafkaBroker kafka, EmbeddedMailServer mail) {
        this.postgres = postgres;
        this.kafka = kafka;
        this.mail = mail;
    }

    /** Starts everything, or nothing: what did start is stopped again when a later step fails. */
    static Infrastructure start(StackConfig config) {
        Deque<AutoCloseable> started = new ArrayDeque<>();
        try {
            StackPorts ports = config.ports();
            EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(config.postgresDirectory(), ports.postgres(),
                    config.reset());
            started.push(postgres);
            for (Service service : config.services()) {
                service.database().ifPresent((database) -> postgres.ensureDatabase(database, database, database));
            }
            log.info("PostgreSQL ready on port {}", postgres.port());
            EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.start(config.kafkaDirectory(), ports.kafka(), config.reset());
            started.push(kafka);
            log.info("Kafka ready at {}", kafka.bootstrapServers());
            EmbeddedMailServer mail = EmbeddedMailServer.start(ports.smtp(), ports.imap());
            started.push(mail);
            log.info("Mail server ready: SMTP {}, IMAP {}", mail.smtpPort(), mail.imapPort());
            return new Infrastructure(postgres, kafka, mail);
        }
        catch (RuntimeException ex) {
            closeAll(started);
            throw new StackStartException("Could not start the embedded infrastructure: " + ex.getMessage(), ex);
        }
    }

    InfrastructureEndpoints endpoints() {
        return new InfrastructureEndpoints(this.postgres::jdbcUrl, this.kafka.bootstrapServers(),
                ServiceEnvironment.BIND_ADDRESS, this.mail.smtpPort(), this.mail.imapPort());
    }

    EmbeddedMailServer mail() {
        return this.mail;
    }

    /** Mail, then Kafka, then PostgreSQL: the reverse of the start order. */
    @Override
    public void close() {
        Deque<AutoCloseable> started = new ArrayDeque<>();
        started.push(this.postgres);
        started.push(this.kafka);
        started.push(this.mail);
        closeAll(started);
    }

    private static void closeAll(Deque<AutoCloseable> started) {
        while (!started.isEmpty()) {
            AutoCloseable resource = started.pop();
            try {
                resource.close();
            }
            catch (Exception ex) {
                log.warn("Could not stop {}: {}", resource.getClass().getSimpleName(), ex.toString());
            }
        }
    }

}
