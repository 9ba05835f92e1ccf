package dev.kitty.devstack;

import dev.kitty.infra.EmbeddedKafkaBroker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How to start the stack.
 *
 * @param repoRoot the reactor root; each service runs from {@code <module>/target/<module>.jar}
 * @param dataDirectory PostgreSQL data, Kafka logs and service logs live below it
 * @param temporaryData delete {@code dataDirectory} when the stack stops
 * @param reset wipe PostgreSQL and Kafka data before starting
 * @param ports every port the stack listens on
 * @param jvmOptions options for each service JVM
 * @param services the services to start; discovery is always started first
 * @param aot use (or train) a JDK 25 AOT cache per service
 * @param aotDirectory where the AOT caches and the extracted jars they depend on live
 * @param echoOutput copy each service's output, prefixed with its name, to standard output
 * @param startupTimeout how long to wait for every service to be registered in Eureka and ready
 * @param serviceEnvironment extra environment variables per service, applied over the stack's own (e.g. a
 *        bootstrapped SUPER_USER for auth-service in a test stack)
 * @param kafkaListeners more broker listeners, each advertising its own address (a fault test's proxy)
 */
public record StackConfig(Path repoRoot, Path dataDirectory, boolean temporaryData, boolean reset, StackPorts ports,
        List<String> jvmOptions, List<Service> services, boolean aot, Path aotDirectory, boolean echoOutput,
        Duration startupTimeout, Map<Service, Map<String, String>> serviceEnvironment,
        List<EmbeddedKafkaBroker.Listener> kafkaListeners) {

    /** How often a service JVM hands freed malloc memory back: glibc keeps it resident otherwise (docs/soak.md). */
    static final String NATIVE_HEAP_TRIMMING = "-XX:TrimNativeHeapInterval=60000";

    /** The first JDK 21 update with {@code TrimNativeHeapInterval} (JDK-8293114); 21.0.0 refuses to start with it. */
    private static final Runtime.Version FIRST_WITH_NATIVE_HEAP_TRIMMING = Runtime.Version.parse("21.0.1");

    /** The switch was experimental until JDK-8325496 made it a product switch in JDK 23 (and in later 21 updates). */
    private static final int FIRST_WITH_NATIVE_HEAP_TRIMMING_AS_PRODUCT = 23;

    /**
     * Small heaps and the C1 compiler only: a dev stack of seven JVMs on a laptop starts faster and uses less
     * memory. Netty may load its native transport without a warning. Each JVM gives the C library's freed native
     * memory back once a minute, as the container image does (ADR 25).
     */
    public static final List<String> FAST_START_JVM_OPTIONS = withNativeHeapTrimming(Runtime.version(),
            List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k", "-Xmx384m",
                    "--enable-native-access=ALL-UNNAMED"));

    /**
     * The same heaps with the full tiered JIT (C2), which the container images use: what throughput benchmarks must
     * measure. C1 alone starts the stack faster but runs hot code several times slower.
     */
    public static final List<String> FULL_JIT_JVM_OPTIONS = FAST_START_JVM_OPTIONS.stream()
            .filter(option -> !option.startsWith("-XX:TieredStopAtLevel")).toList();

    public static final Duration DEFAULT_STARTUP_TIMEOUT = Duration.ofMinutes(4);

    /** The services run on the launcher's own JDK ({@link JavaCommand#currentJavaBinary()}), so its version decides. */
    static List<String> withNativeHeapTrimming(Runtime.Version jdk, List<String> options) {
        if (jdk.compareToIgnoreOptional(FIRST_WITH_NATIVE_HEAP_TRIMMING) < 0) {
            return options;
        }
        List<String> trimmed = new ArrayList<>(options);
        if (jdk.feature() < FIRST_WITH_NATIVE_HEAP_TRIMMING_AS_PRODUCT) {
            // harmless where a later 21 update has made it a product switch, required where it has not
            trimmed.add("-XX:+UnlockExperimentalVMOptions");
        }
        trimmed.add(NATIVE_HEAP_TRIMMING);
        return List.copyOf(trimmed);
    }

    public StackConfig {
        repoRoot = repoRoot.toAbsolutePath().normalize();
        dataDirectory = dataDirectory.toAbsolutePath().normalize();
        aotDirectory = aotDirectory.toAbsolutePath().normalize();
        jvmOptions = List.copyOf(jvmOptions);
        if (!services.contains(Service.DISCOVERY)) {
            throw new IllegalArgumentException("discovery must be part of the stack: every other service registers there");
        }
        EnumSet<Service> ordered = EnumSet.copyOf(services);
        services = List.copyOf(ordered);
        Map<Service, Map<String, String>> environments = new EnumMap<>(Service.class);
        serviceEnvironment.forEach((service, environment) -> environments.put(service, Map.copyOf(environment)));
        serviceEnvironment = Collections.unmodifiableMap(environments);
        kafkaListeners = List.copyOf(kafkaListeners);
    }

    /** The developer's stack: well-known ports and data kept in {@code <repoRoot>/.kitty}. */
    public static StackConfig defaults(Path repoRoot) {
        Path dataDirectory = repoRoot.resolve(".kitty");
        return new StackConfig(repoRoot, dataDirectory, false, false, StackPorts.defaults(), FAST_START_JVM_OPTIONS,
                List.of(Service.values()), false, dataDirectory.resolve("aot"), true, DEFAULT_STARTUP_TIMEOUT, Map.of(), List.of());
    }

    /**
     * A throw-away stack that never collides with a running one: free ports and a temporary data directory
     * created on start and deleted on close. Its AOT caches are kept in {@code <repoRoot>/.kitty/aot-ephemeral} so that they
     * outlive the data.
     */
    public static StackConfig ephemeral(Path repoRoot) {
        String name = "kitty-stack-" + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36);
        Path dataDirectory = Path.of(System.getProperty("java.io.tmpdir"), name);
        return new StackConfig(repoRoot, dataDirectory, true, false, StackPorts.free(), FAST_START_JVM_OPTIONS,
                List.of(Service.values()), false, repoRoot.resolve(".kitty").resolve("aot-ephemeral"), true,
                DEFAULT_STARTUP_TIMEOUT, Map.of(), List.of());
    }

    public StackConfig withReset(boolean reset) {
        return new StackConfig(this.repoRoot, this.dataDirectory, this.temporaryData, reset, this.ports,
                this.jvmOptions, this.services, this.aot, this.aotDirectory, this.echoOutput, this.startupTimeout, this.serviceEnvironment, this.kafkaListeners);
    }

    /** Keep data in the given directory (and the AOT caches in its {@code aot} sub-directory). */
    public StackConfig withDataDirectory(Path dataDirectory) {
        return new StackConfig(this.repoRoot, dataDirectory, false, this.reset, this.ports, this.jvmOptions,
                this.services, this.aot, dataDirectory.resolve("aot"), this.echoOutput, this.startupTimeout, this.serviceEnvironment, this.kafkaListeners);
    }

    public StackConfig withAot(boolean aot) {
        return new StackConfig(this.repoRoot, this.dataDirectory, this.temporaryData, this.reset, this.ports,
                this.jvmOptions, this.services, aot, this.aotDirectory, this.echoOutput, this.startupTimeout, this.serviceEnvironment, this.kafkaListeners);
    }

    public StackConfig withPorts(StackPorts ports) {
        return new StackConfig(this.repoRoot, this.dataDirectory, this.temporaryData, this.reset, ports,
                this.jvmOptions, this.services, this.aot, this.aotDirectory, this.echoOutput, this.startupTimeout, this.serviceEnvironment, this.kafkaListeners);
    }

    public StackConfig withJvmOptions(List<String> jvmOptions) {
        return new StackConfig(this.repoRoot, this.dataDirectory, this.temporaryData, this.reset, this.ports,
                jvmOptions, this.services, this.aot, this.aotDirectory, this.echoOutput, this.startupTimeout, this.serviceEnvironment, this.kafkaListeners);
    }

    public StackConfig withServices(List<Service> services) {
        return new StackConfig(this.repoRoot, this.dataDirectory, this.temporaryData, this.reset, this.ports,
                this.jvmOptions, services, this.aot, this.aotDirectory, this.echoOutput, this.startupTimeout, this.serviceEnvironment, this.kafkaListeners);
    }

    public StackConfig withEchoOutput(boolean echoOutput) {
        return new StackConfig(this.repoRoot, this.dataDirectory, this.temporaryData, this.reset, this.ports,
                this.jvmOptions, this.services, this.aot, this.aotDirectory, echoOutput, this.startupTimeout, this.serviceEnvironment, this.kafkaListeners);
    }

    public StackConfig withStartupTimeout(Duration startupTimeout) {
        return new StackConfig(this.repoRoot, this.dataDirectory, this.temporaryData, this.reset, this.ports,
                this.jvmOptions, this.services, this.aot, this.aotDirectory, this.echoOutput, startupTimeout, this.serviceEnvironment, this.kafkaListeners);
    }

    /**
     * Adds environment variables for one service, over what the stack sets itself; later calls win per variable.
     */
    public StackConfig withServiceEnvironment(Service service, Map<String, String> environment) {
        Map<Service, Map<String, String>> environments = new EnumMap<>(Service.class);
        environments.putAll(this.serviceEnvironment);
        Map<String, String> merged = new LinkedHashMap<>(this.serviceEnvironment.getOrDefault(service, Map.of()));
        merged.putAll(environment);
        environments.put(service, merged);
        return new StackConfig(this.repoRoot, this.dataDirectory, this.temporaryData, this.reset, this.ports,
                this.jvmOptions, this.services, this.aot, this.aotDirectory, this.echoOutput, this.startupTimeout,
                environments, this.kafkaListeners);
    }

    /** Adds a broker listener that advertises another address, such as a fault test's proxy in front of it. */
    public StackConfig withKafkaListener(EmbeddedKafkaBroker.Listener listener) {
        List<EmbeddedKafkaBroker.Listener> listeners = new ArrayList<>(this.kafkaListeners);
        listeners.add(listener);
        return new StackConfig(this.repoRoot, this.dataDirectory, this.temporaryData, this.reset, this.ports,
                this.jvmOptions, this.services, this.aot, this.aotDirectory, this.echoOutput, this.startupTimeout,
                this.serviceEnvironment, listeners);
    }

    /** The extra environment variables given for a service; empty when none. */
    public Map<String, String> serviceEnvironment(Service service) {
        return this.serviceEnvironment.getOrDefault(service, Map.of());
    }

    public boolean runs(Service service) {
        return this.services.contains(service);
    }

    public Path postgresDirectory() {
        return this.dataDirectory.resolve("postgres");
    }

    public Path kafkaDirectory() {
        return this.dataDirectory.resolve("kafka");
    }

    public Path logDirectory() {
        return this.dataDirectory.resolve("logs");
    }

}
