package dev.kitty.devstack;

import dev.kitty.infra.EmbeddedKafkaBroker;
import dev.kitty.infra.EmbeddedMailServer;
import dev.kitty.infra.EmbeddedPostgresServer;
import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL with one database per service, a Kafka broker and a mail server, all in the launcher's JVM. A fault test
 * may stop any of them and start it again on the same port and data ({@link #stopKafka()}, {@link #startKafka()}, …).
 */
final class Infrastructure implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Infrastructure.class);

    private final StackConfig config;

    private volatile EmbeddedPostgresServer postgres;

    private volatile EmbeddedKafkaBroker kafka;

    private volatile EmbeddedMailServer mail;

    private final InfrastructureEndpoints endpoints;

    private Infrastructure(StackConfig config, EmbeddedPostgresServer postgres, EmbeddedKafkaBroker kafka,
            EmbeddedMailServer mail) {
        this.config = config;
        this.postgres = postgres;
        this.kafka = kafka;
        this.mail = mail;
        // ports and addresses outlive a restart: the endpoints are those of the first start
        this.endpoints = new InfrastructureEndpoints(postgres::jdbcUrl, kafka.bootstrapServers(),
                ServiceEnvironment.BIND_ADDRESS, mail.smtpPort(), mail.imapPort());
    }

    /** Starts everything, or nothing: what did start is stopped again when a later step fails. */
    static Infrastructure start(StackConfig config) {
        Deque<AutoCloseable> started = new ArrayDeque<>();
        try {
            EmbeddedPostgresServer postgres = startPostgres(config, config.reset());
            started.push(postgres);
            for (Service service : config.services()) {
                service.database().ifPresent((database) -> postgres.ensureDatabase(database, database, database));
            }
            log.info("PostgreSQL ready on port {}", postgres.port());
            EmbeddedKafkaBroker kafka = startKafka(config, config.reset());
            started.push(kafka);
            log.info("Kafka ready at {}", kafka.bootstrapServers());
            EmbeddedMailServer mail = startMail(config);
            started.push(mail);
            log.info("Mail server ready: SMTP {}, IMAP {}", mail.smtpPort(), mail.imapPort());
            return new Infrastructure(config, postgres, kafka, mail);
        }
        catch (RuntimeException ex) {
            closeAll(started);
            throw new StackStartException("Could not start the embedded infrastructure: " + ex.getMessage(), ex);
        }
    }

    private static EmbeddedPostgresServer startPostgres(StackConfig config, boolean reset) {
        return EmbeddedPostgresServer.start(config.postgresDirectory(), config.ports().postgres(), reset);
    }

    private static EmbeddedKafkaBroker startKafka(StackConfig config, boolean reset) {
        return EmbeddedKafkaBroker.start(config.kafkaDirectory(), config.ports().kafka(), reset, config.kafkaListeners());
    }

    private static EmbeddedMailServer startMail(StackConfig config) {
        return EmbeddedMailServer.start(config.ports().smtp(), config.ports().imap());
    }

    InfrastructureEndpoints endpoints() {
        return this.endpoints;
    }

    EmbeddedMailServer mail() {
        return this.mail;
    }

    private volatile boolean kafkaStopped;

    private volatile boolean postgresStopped;

    private volatile boolean mailStopped;

    void stopKafka() {
        this.kafka.close();
        this.kafkaStopped = true;
    }

    /** The same port, listeners and log directory: topics and committed offsets are kept. */
    void startKafka() {
        this.kafka = startKafka(this.config, false);
        this.kafkaStopped = false;
    }

    void stopPostgres() {
        this.postgres.close();
        this.postgresStopped = true;
    }

    void startPostgres() {
        this.postgres = startPostgres(this.config, false);
        this.postgresStopped = false;
    }

    /** GreenMail keeps mail in memory: what it had received is gone after a restart. */
    void stopMail() {
        this.mail.close();
        this.mailStopped = true;
    }

    void startMail() {
        this.mail = startMail(this.config);
        this.mailStopped = false;
    }

    /** Starts again what a fault test stopped and did not start. */
    void startWhatIsStopped() {
        if (this.postgresStopped) {
            startPostgres();
        }
        if (this.kafkaStopped) {
            startKafka();
        }
        if (this.mailStopped) {
            startMail();
        }
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
