package dev.kitty.system.fault;

import dev.kitty.devstack.RunningStack;
import dev.kitty.devstack.Service;
import dev.kitty.devstack.StackConfig;
import dev.kitty.infra.EmbeddedKafkaBroker;
import dev.kitty.infra.Ports;
import dev.kitty.platform.test.TcpProxy;
import dev.kitty.system.SharedStack;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * The fault scenarios' stack, in a JVM of its own (the {@code fault-scenarios} Failsafe execution): the system tests'
 * configuration plus two links that can be cut or delayed without touching anyone else's:
 * <ul>
 * <li>transaction-service reaches Kafka only through {@link #transactionsToKafka()}: the broker has a listener of its
 * own for it that advertises the proxy's address, so that every connection the client opens goes through the proxy;</li>
 * <li>notification-service reaches PostgreSQL only through {@link #notificationsToPostgres()}.</li>
 * </ul>
 * transaction-service's scheduler polls every 2 s and closes at most 2 months a second; a killed consumer leaves its
 * group after 10 s; mail is retried at most 10 s apart. The outbox resubmits after 5 s instead of 30 s, so that scenarios converge within a CI run; a resubmission while the
 * first send is still under way only makes duplicates likelier, which is what the scenarios look for.
 */
public final class FaultStack implements ParameterResolver, TestWatcher {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(FaultStack.class);

    /** What a scenario gets: the stack and the two proxies. */
    public record Handle(RunningStack stack, TcpProxy transactionsToKafka, TcpProxy notificationsToPostgres) {

        public String jdbcUrl(String database) {
            return this.stack.jdbcUrl(database);
        }

    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Handle.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).computeIfAbsent(Started.class, (key) -> start(), Started.class).handle;
    }

    /** The services' last lines, for a failed scenario. */
    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        Started started = context.getRoot().getStore(NAMESPACE).get(Started.class, Started.class);
        if (started != null) {
            System.err.println("==== " + context.getDisplayName() + " failed; the services' last lines:");
            System.err.println(started.handle().stack().describeLogTails(60));
        }
    }

    private static Started start() {
        // a loaded machine (helpers, a soak) may start seven JVMs slowly; CI on a quiet one takes about two minutes
        StackConfig base = SharedStack.testConfig().withStartupTimeout(java.time.Duration.ofMinutes(8));
        int kafkaPort = base.ports().kafka();
        int postgresPort = base.ports().postgres();
        int[] taken = java.util.stream.IntStream.concat(
                java.util.stream.IntStream.of(kafkaPort, postgresPort, base.ports().smtp(), base.ports().imap()),
                java.util.Arrays.stream(Service.values()).flatMapToInt((service) -> java.util.stream.IntStream.of(
                        base.ports().port(service), base.ports().managementPort(service)))).toArray();
        int listenerPort = Ports.freePortOtherThan(taken);
        TcpProxy kafkaProxy = TcpProxy.start("transaction-service->kafka", 0, listenerPort);
        TcpProxy postgresProxy = TcpProxy.start("notification-service->postgres", 0, postgresPort);
        StackConfig config = base
            .withKafkaListener(new EmbeddedKafkaBroker.Listener("TRANSACTIONS", listenerPort, kafkaProxy.port()))
            .withServiceEnvironment(Service.TRANSACTION, Map.of(
                    "SPRING_KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + kafkaProxy.port(),
                    // F14 closes months: polled often and paced slowly enough to be killed in the middle
                    "KITTY_TRANSACTION_SCHEDULER_POLL_INTERVAL", "2s",
                    "KITTY_TRANSACTION_SCHEDULER_CLOSE_RATE", "2"))
            .withServiceEnvironment(Service.NOTIFICATION, Map.of(
                    "SPRING_DATASOURCE_URL", "jdbc:postgresql://127.0.0.1:" + postgresProxy.port() + "/kitty_notification"));
        for (Service service : Service.values()) {
            if (service != Service.DISCOVERY) {
                config = config.withServiceEnvironment(service, Map.of(
                        "KITTY_MESSAGING_RESUBMIT_INTERVAL", "5s",
                        "KITTY_MESSAGING_RESUBMIT_OLDER_THAN", "5s",
                        // a killed consumer leaves its group after 10 s instead of 45 s (F4 waits for that)
                        "SPRING_KAFKA_CONSUMER_PROPERTIES_SESSION_TIMEOUT_MS", "10000",
                        "SPRING_KAFKA_CONSUMER_PROPERTIES_HEARTBEAT_INTERVAL_MS", "3000"));
            }
        }
        // mail retried at most 10 s apart (instead of 5 min) so that F13 sees the mail soon after the server returns
        config = config.withServiceEnvironment(Service.NOTIFICATION, Map.of(
                "KITTY_NOTIFICATION_OUTBOX_MAXBACKOFF", "10s",
                "KITTY_NOTIFICATION_OUTBOX_MAXATTEMPTS", "30"));
        try {
            RunningStack stack = SharedStack.startAndReport(config);
            return new Started(new Handle(stack, kafkaProxy, postgresProxy));
        }
        catch (RuntimeException ex) {
            kafkaProxy.close();
            postgresProxy.close();
            throw ex;
        }
    }

    @SuppressWarnings("deprecation") // CloseableResource: JUnit 6 also closes AutoCloseable values, 5.x only this
    private record Started(Handle handle) implements ExtensionContext.Store.CloseableResource {

        @Override
        public void close() {
            try {
                SharedStack.keepLogs(this.handle.stack().config().logDirectory(), Path.of("target", "stack-logs-faults"));
            }
            finally {
                this.handle.stack().close();
                this.handle.transactionsToKafka().close();
                this.handle.notificationsToPostgres().close();
            }
        }

    }

}
