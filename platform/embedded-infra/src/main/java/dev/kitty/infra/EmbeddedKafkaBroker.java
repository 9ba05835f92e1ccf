package dev.kitty.infra;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Kafka broker in this JVM: KRaft mode, one node acting as broker and controller, a
 * PLAINTEXT listener on 127.0.0.1 and the controller listener on another free loopback port.
 * Internal topics have replication factor 1; topics are created on first use with 3 partitions.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final KafkaRaftServer server;
    private final int port;
    private final @Nullable Path temporaryDirectory;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EmbeddedKafkaBroker(KafkaRaftServer server, int port, @Nullable Path temporaryDirectory) {
        this.server = server;
        this.port = port;
        this.temporaryDirectory = temporaryDirectory;
    }

    /**
     * Starts a broker whose topics and offsets survive restarts. The storage is formatted only
     * when it has no {@code meta.properties} yet. Returns once the broker answers clients.
     *
     * @param logDirectory the broker's log (data) directory
     * @param port         the client port on 127.0.0.1; must be free
     * @param reset        wipe the log directory first
     * @throws PortInUseException when the port is taken
     */
    public static EmbeddedKafkaBroker start(Path logDirectory, int port, boolean reset) {
        return start(logDirectory, port, reset, List.of());
    }

    /**
     * Like {@link #start(Path, int, boolean)}, with more client listeners, each advertising its own address: a
     * client that bootstraps through a TCP proxy in front of such a listener is told to reach the broker through
     * the proxy again, so a fault test can cut or slow one client's link to the broker and no one else's.
     */
    public static EmbeddedKafkaBroker start(Path logDirectory, int port, boolean reset, List<Listener> extraListeners) {
        return start(logDirectory.toAbsolutePath().normalize(), port, reset, null, extraListeners);
    }

    /**
     * A further PLAINTEXT listener on {@code 127.0.0.1:port} that advertises {@code 127.0.0.1:advertisedPort}.
     *
     * @param name the listener's name, upper case, not PLAINTEXT or CONTROLLER
     */
    public record Listener(String name, int port, int advertisedPort) {

        public Listener {
            if (!name.matches("[A-Z][A-Z0-9_]*") || name.equals("PLAINTEXT") || name.equals("CONTROLLER")) {
                throw new IllegalArgumentException("Not a usable listener name: " + name);
            }
        }

    }

    /** Starts a throw-away broker on a free port; its log directory is deleted on {@link #close()}. */
    public static EmbeddedKafkaBroker startTemporary() {
        Path directory = Directories.createTemporary("kitty-kafka-");
        try {
            return start(directory, Ports.freePort(), false, directory, List.of());
        } catch (RuntimeException e) {
            Directories.deleteRecursively(directory);
            throw e;
        }
    }

    private static EmbeddedKafkaBroker start(Path directory, int port, boolean reset, @Nullable Path temporary,
            List<Listener> extraListeners) {
        Ports.requireFree("Kafka", port);
        extraListeners.forEach((listener) -> Ports.requireFree("Kafka listener " + listener.name(), listener.port()));
        QuietLogging.apply();
        long started = System.nanoTime();
        if (reset) {
            Directories.deleteRecursively(directory);
        }
        Directories.create(directory);
        // the quorum is static (controller.quorum.voters), so the controller port may differ per start
        int[] taken = IntStream.concat(IntStream.of(port),
                extraListeners.stream().mapToInt(Listener::port)).toArray();
        Properties config = config(directory, port, Ports.freePortOtherThan(taken), extraListeners);
        if (!Files.exists(directory.resolve("meta.properties"))) {
            format(config);
        }
        var server = new KafkaRaftServer(KafkaConfig.fromProps(config, false), Time.SYSTEM);
        var broker = new EmbeddedKafkaBroker(server, port, temporary);
        try {
            server.startup();
            broker.awaitReady();
        } catch (RuntimeException e) {
            broker.close();
            throw e;
        }
        log.info("Kafka ready on {} in {} ms (logs: {})", broker.bootstrapServers(),
                (System.nanoTime() - started) / 1_000_000, directory);
        return broker;
    }

    static Properties config(Path directory, int port, int controllerPort) {
        return config(directory, port, controllerPort, List.of());
    }

    static Properties config(Path directory, int port, int controllerPort, List<Listener> extraListeners) {
        var listeners = new StringBuilder("PLAINTEXT://" + Ports.LOOPBACK_HOST + ":" + port);
        var advertised = new StringBuilder("PLAINTEXT://" + Ports.LOOPBACK_HOST + ":" + port);
        var protocols = new StringBuilder("PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        for (Listener extra : extraListeners) {
            listeners.append(',').append(extra.name()).append("://").append(Ports.LOOPBACK_HOST).append(':').append(extra.port());
            advertised.append(',').append(extra.name()).append("://").append(Ports.LOOPBACK_HOST).append(':')
                .append(extra.advertisedPort());
            protocols.append(',').append(extra.name()).append(":PLAINTEXT");
        }
        var config = new Properties();
        config.putAll(Map.ofEntries(
                Map.entry("process.roles", "broker,controller"),
                Map.entry("node.id", "1"),
                Map.entry("controller.quorum.voters", "1@" + Ports.LOOPBACK_HOST + ":" + controllerPort),
                Map.entry("listeners", listeners + ",CONTROLLER://" + Ports.LOOPBACK_HOST + ":" + controllerPort),
                Map.entry("advertised.listeners", advertised.toString()),
                Map.entry("listener.security.protocol.map", protocols.toString()),
                Map.entry("controller.listener.names", "CONTROLLER"),
                Map.entry("inter.broker.listener.name", "PLAINTEXT"),
                Map.entry("log.dirs", directory.toString()),
                Map.entry("auto.create.topics.enable", "true"),
                Map.entry("num.partitions", "3"),
                Map.entry("default.replication.factor", "1"),
                Map.entry("min.insync.replicas", "1"),
                Map.entry("offsets.topic.replication.factor", "1"),
                // fewer internal partitions: each costs a log, a leader election and start-up time
                Map.entry("offsets.topic.num.partitions", "5"),
                Map.entry("transaction.state.log.replication.factor", "1"),
                Map.entry("transaction.state.log.min.isr", "1"),
                Map.entry("transaction.state.log.num.partitions", "5"),
                Map.entry("share.coordinator.state.topic.replication.factor", "1"),
                Map.entry("share.coordinator.state.topic.min.isr", "1"),
                Map.entry("group.initial.rebalance.delay.ms", "0"),
                // a laptop with a handful of services, not a production broker
                Map.entry("num.network.threads", "2"),
                Map.entry("num.io.threads", "2"),
                Map.entry("num.recovery.threads.per.data.dir", "1"),
                Map.entry("background.threads", "2")));
        return config;
    }

    private static void format(Properties config) {
        Path file = null;
        var output = new ByteArrayOutputStream();
        try {
            // StorageTool reads its configuration from a file, like kafka-storage.sh
            file = Files.createTempFile("kitty-kafka-", ".properties");
            try (OutputStream out = Files.newOutputStream(file)) {
                config.store(out, "formatting only");
            }
            String[] arguments = {"format", "--config", file.toString(), "--cluster-id", Uuid.randomUuid().toString()};
            int exitCode;
            try (var print = new PrintStream(output, true, StandardCharsets.UTF_8)) {
                exitCode = StorageTool.execute(arguments, print);
            }
            if (exitCode != 0) {
                throw new IllegalStateException("Formatting Kafka storage failed (" + exitCode + "): " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot format Kafka storage", e);
        } catch (RuntimeException e) {
            throw new IllegalStateException("Formatting Kafka storage failed: " + output, e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a temp file of a few hundred bytes is not worth failing a start for
                }
            }
        }
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000))) {
            while (true) {
                try {
                    if (!admin.describeCluster().nodes().get(10, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (ExecutionException | TimeoutException e) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("Kafka on " + bootstrapServers() + " did not become ready", e);
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Kafka on " + bootstrapServers() + " reports no broker");
                }
                Thread.sleep(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for Kafka", e);
        }
    }

    /** {@code 127.0.0.1:<port>}, for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return Ports.LOOPBACK_HOST + ":" + port;
    }

    /** Shuts the broker down and waits for it; a temporary broker's files are deleted. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        long started = System.nanoTime();
        try {
            server.shutdown();
            server.awaitShutdown();
            log.info("Kafka on {} stopped in {} ms", bootstrapServers(), (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException e) {
            log.warn("Kafka on {} did not stop cleanly", bootstrapServers(), e);
        }
        if (temporaryDirectory != null) {
            Directories.deleteRecursively(temporaryDirectory);
        }
    }

    @Override
    public String toString() {
        return "EmbeddedKafkaBroker[" + bootstrapServers() + "]";
    }
}
