package dev.kitty.devstack;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the stack: checks, embedded infrastructure, discovery, then the gateway and the services in parallel,
 * ready once Eureka lists them all UP and each answers its readiness probe ({@link ReadinessProbe}) with UP.
 * {@link #close()} may be called at any moment, from any thread (a shutdown hook), and stops whatever is running
 * in reverse order.
 */
public final class DevStack implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DevStack.class);

    private static final Duration POLL = Duration.ofMillis(250);

    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    /** Writing an AOT cache at exit runs a second JVM per service: on two cores that takes a while. */
    private static final Duration STOP_GRACE_WHILE_TRAINING = Duration.ofMinutes(3);

    private final StackConfig config;

    private final String javaBinary;

    private final LogPrefixer prefixer;

    private final PrintStream console;

    private final Object lock = new Object();

    private final List<ServiceProcess> processes = new CopyOnWriteArrayList<>();

    private final Map<Service, Map<String, String>> environments = new java.util.concurrent.ConcurrentHashMap<>();

    /** Second instances a fault test started beside the stack's own (two schedulers racing). */
    private final List<ServiceProcess> secondInstances = new CopyOnWriteArrayList<>();

    private volatile @Nullable Infrastructure infrastructure;

    private @Nullable AotCache aotCache;

    private boolean closed;

    public DevStack(StackConfig config) {
        this.config = config;
        this.javaBinary = JavaCommand.currentJavaBinary();
        this.prefixer = LogPrefixer.forServices(config.echoOutput() && LogPrefixer.ansiSupported());
        this.console = System.out;
    }

    /** Starts the stack; on failure everything already started is stopped before the exception propagates. */
    public static RunningStack start(StackConfig config) {
        DevStack stack = new DevStack(config);
        try {
            return stack.launch();
        }
        catch (RuntimeException ex) {
            stack.close();
            throw ex;
        }
    }

    /** Like {@link #start(StackConfig)} but leaves stopping to the caller, who may {@link #close()} at any time. */
    public RunningStack launch() {
        long begin = System.nanoTime();
        Preflight.check(this.config);
        createDirectories();
        if (this.config.aot()) {
            this.aotCache = prepareAot();
        }
        // Eureka needs no infrastructure: it boots while PostgreSQL and Kafka do
        startService(Service.DISCOVERY, ServiceEnvironment.ofDiscovery(this.config.ports()));
        Infrastructure infra = Infrastructure.start(this.config);
        synchronized (this.lock) {
            if (this.closed) {
                infra.close();
                throw new StackStartException("The stack was stopped while starting");
            }
            this.infrastructure = infra;
        }
        Duration infrastructureTime = since(begin);
        EurekaRegistry eureka = new EurekaRegistry(eurekaUrl());
        awaitCondition("Eureka to answer", () -> eureka.applications().isPresent());
        log.info("Eureka answers ({} s)", seconds(since(begin)));
        InfrastructureEndpoints endpoints = infra.endpoints();
        for (Service service : this.config.services()) {
            if (service != Service.DISCOVERY) {
                startService(service, ServiceEnvironment.of(service, this.config, endpoints));
            }
        }
        Startup startup = awaitReady(eureka, begin);
        return new RunningStack(this, infra, since(begin), infrastructureTime, startup.registered(), startup.ready());
    }

    /** Whether {@link #close()} has begun, for instance from the shutdown hook after Ctrl-C. */
    public boolean isClosing() {
        synchronized (this.lock) {
            return this.closed;
        }
    }

    StackConfig config() {
        return this.config;
    }

    List<ServiceProcess> processes() {
        return List.copyOf(this.processes);
    }

    String eurekaUrl() {
        return baseUrl(Service.DISCOVERY);
    }

    /** A service's public address, without a trailing slash. */
    String baseUrl(Service service) {
        return "http://" + ServiceEnvironment.BIND_ADDRESS + ":" + this.config.ports().port(service);
    }

    /** A service's management (actuator) address, without a trailing slash. */
    String managementUrl(Service service) {
        return "http://" + ServiceEnvironment.BIND_ADDRESS + ":" + this.config.ports().managementPort(service);
    }

    /** Stops the services (gateway and domain services together, then discovery), then the infrastructure. */
    @Override
    public void close() {
        Infrastructure infra;
        synchronized (this.lock) {
            if (this.closed) {
                return;
            }
            this.closed = true;
            infra = this.infrastructure;
        }
        List<ServiceProcess> clients = java.util.stream.Stream.concat(this.secondInstances.stream(), this.processes.stream()
            .filter((process) -> process.service() != Service.DISCOVERY))
            .toList();
        stopAll(clients);
        stopAll(this.processes.stream().filter((process) -> process.service() == Service.DISCOVERY).toList());
        if (infra != null) {
            infra.close();
        }
        if (this.config.temporaryData()) {
            try {
                DataDirectories.deleteRecursively(this.config.dataDirectory());
            }
            catch (IOException ex) {
                log.warn("Could not delete {}: {}", this.config.dataDirectory(), ex.toString());
            }
        }
    }

    private void stopAll(List<ServiceProcess> toStop) {
        toStop.forEach(ServiceProcess::requestStop);
        boolean training = toStop.stream().anyMatch((process) -> process.aotMode() == AotCache.Mode.TRAIN);
        long deadline = System.nanoTime() + (training ? STOP_GRACE_WHILE_TRAINING : STOP_GRACE).toNanos();
        for (ServiceProcess process : toStop) {
            Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
            boolean ended = process.awaitStop(left);
            if (!ended) {
                log.warn("{} did not stop within the grace period and was killed", process.service().moduleName());
            }
            if (process.aotMode() == AotCache.Mode.TRAIN && this.aotCache != null) {
                this.aotCache.trainingFinished(process.service(), ended);
            }
        }
    }

    private void createDirectories() {
        try {
            Files.createDirectories(this.config.dataDirectory());
            Files.createDirectories(this.config.logDirectory());
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not create " + this.config.dataDirectory(), ex);
        }
    }

    private @Nullable AotCache prepareAot() {
        int jdk = Runtime.version().feature();
        if (!AotCache.supported(jdk)) {
            log.warn("--aot needs JDK {}+, this is JDK {}: starting without AOT cache", AotCache.MINIMUM_JDK, jdk);
            return null;
        }
        return new AotCache(this.config.aotDirectory(), this.javaBinary, this.config.jvmOptions());
    }

    // ---- fault injection: one service at a time, for the fault tests; never used by ./run.sh

    /** SIGKILL: the service dies at once, as in a crash. */
    void kill(Service service) {
        process(service).kill();
        log.info("{} killed (SIGKILL)", service.moduleName());
    }

    /** SIGSTOP: the process freezes with its connections open, as in a long GC pause or a hung host. */
    void pause(Service service) {
        process(service).signal("STOP");
        log.info("{} paused (SIGSTOP)", service.moduleName());
    }

    /** SIGCONT after {@link #pause}. */
    void resume(Service service) {
        process(service).signal("CONT");
        log.info("{} resumed (SIGCONT)", service.moduleName());
    }

    /** SIGTERM and wait: a graceful stop, as in a rolling deployment. */
    void stop(Service service) {
        ServiceProcess process = process(service);
        process.requestStop();
        if (!process.awaitStop(STOP_GRACE)) {
            log.warn("{} did not stop within the grace period and was killed", service.moduleName());
        }
        log.info("{} stopped", service.moduleName());
    }

    /**
     * Starts a stopped or killed service again with the environment of its first start and waits until it is ready
     * and listed UP in Eureka.
     */
    void restart(Service service) {
        ServiceProcess old = process(service);
        if (old.isAlive()) {
            throw new IllegalStateException(service.moduleName() + " is still running: stop or kill it first");
        }
        long begin = System.nanoTime();
        this.processes.remove(old);
        startService(service, this.environments.get(service), old.log());
        EurekaRegistry eureka = new EurekaRegistry(eurekaUrl());
        ReadinessProbe probe = new ReadinessProbe();
        awaitCondition(service.moduleName() + " to be ready again", () -> probe.isReady(baseUrl(service))
                && (!service.registersWithEureka() || eureka.upApplications().contains(service.eurekaId())));
        log.info("{} restarted and ready ({} s)", service.moduleName(), seconds(since(begin)));
    }

    /**
     * Starts another instance of a service on free ports, registered in Eureka beside the first, and waits until it
     * is ready; the gateway balances between them.
     * @return its public port
     */
    int startSecondInstance(Service service) {
        if (service == Service.DISCOVERY || service == Service.GATEWAY) {
            throw new IllegalArgumentException("a second " + service.moduleName() + " is not supported");
        }
        int port = dev.kitty.infra.Ports.freePortOtherThan(this.config.ports().port(service));
        int managementPort = dev.kitty.infra.Ports.freePortOtherThan(port, this.config.ports().managementPort(service));
        Map<String, String> environment = new java.util.LinkedHashMap<>(this.environments.get(service));
        environment.put("SERVER_PORT", String.valueOf(port));
        environment.put("MANAGEMENT_SERVER_PORT", String.valueOf(managementPort));
        ServiceLog serviceLog = new ServiceLog(service.moduleName() + "-2", service.ordinal(), this.prefixer,
                this.config.echoOutput() ? this.console : null,
                this.config.logDirectory().resolve(service.moduleName() + "-2.log"));
        Path jar = service.jar(this.config.repoRoot());
        List<String> aotOptions = List.of();
        AotCache.Mode aotMode = AotCache.Mode.OFF;
        // only a finished cache is shared: the first instance may still be training into it
        AotCache.Plan plan = (this.aotCache != null) ? this.aotCache.existing(service, jar).orElse(null) : null;
        if (plan != null) {
            jar = plan.jar();
            aotOptions = plan.jvmOptions();
            aotMode = plan.mode();
        }
        List<String> command = JavaCommand.of(this.javaBinary, this.config.jvmOptions(), aotOptions, jar);
        long begin = System.nanoTime();
        ServiceProcess second = ServiceProcess.start(service, command, environment, this.config.repoRoot(), serviceLog,
                aotMode);
        this.secondInstances.add(second);
        ReadinessProbe probe = new ReadinessProbe();
        String url = "http://" + ServiceEnvironment.BIND_ADDRESS + ":" + port;
        awaitCondition("a second " + service.moduleName() + " to be ready", () -> {
            if (!second.isAlive()) {
                throw new ServiceExitedException(new ServiceExit(service, second.exitCode()), second.log().tail(40));
            }
            return probe.isReady(url);
        });
        log.info("a second {} is ready on port {} ({} s)", service.moduleName(), port, seconds(since(begin)));
        return port;
    }

    /** SIGKILL the second instance of a service. */
    void killSecondInstance(Service service) {
        ServiceProcess second = this.secondInstances.stream().filter((process) -> process.service() == service)
            .reduce((first, next) -> next)
            .orElseThrow(() -> new IllegalArgumentException("no second " + service.moduleName()));
        second.kill();
        this.secondInstances.remove(second);
        log.info("the second {} killed (SIGKILL)", service.moduleName());
    }

    /**
     * Brings back whatever a fault left down: the embedded servers, then every service whose process has ended (in
     * parallel). Second instances are stopped. What is running is left alone.
     */
    void restoreAll() {
        infrastructure().startWhatIsStopped();
        // a paused process is alive but useless; SIGCONT to one that runs changes nothing
        this.processes.stream().filter(ServiceProcess::isAlive).forEach((process) -> process.signal("CONT"));
        this.secondInstances.forEach(ServiceProcess::kill);
        this.secondInstances.clear();
        List<Service> down = this.processes.stream().filter((process) -> !process.isAlive())
            .map(ServiceProcess::service).toList();
        if (down.contains(Service.DISCOVERY)) {
            restart(Service.DISCOVERY);
        }
        List<Thread> restarts = down.stream().filter((service) -> service != Service.DISCOVERY)
            .map((service) -> Thread.ofVirtual().start(() -> restart(service))).toList();
        for (Thread restart : restarts) {
            try {
                restart.join();
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new StackStartException("Interrupted while restoring the stack", ex);
            }
        }
    }

    private ServiceProcess process(Service service) {
        return this.processes.stream()
            .filter((process) -> process.service() == service)
            .reduce((first, second) -> second)
            .orElseThrow(() -> new IllegalArgumentException(service.moduleName() + " is not part of this stack"));
    }

    Infrastructure infrastructure() {
        Infrastructure infra = this.infrastructure;
        if (infra == null) {
            throw new IllegalStateException("The infrastructure is not running");
        }
        return infra;
    }

    private void startService(Service service, Map<String, String> environment) {
        startService(service, environment, new ServiceLog(service.moduleName(), service.ordinal(), this.prefixer,
                this.config.echoOutput() ? this.console : null,
                this.config.logDirectory().resolve(service.moduleName() + ".log")));
    }

    private void startService(Service service, Map<String, String> environment, ServiceLog serviceLog) {
        this.environments.put(service, Map.copyOf(environment));
        Path jar = service.jar(this.config.repoRoot());
        List<String> aotOptions = List.of();
        AotCache.Mode aotMode = AotCache.Mode.OFF;
        if (this.aotCache != null) {
            AotCache.Plan plan = this.aotCache.prepare(service, jar);
            jar = plan.jar();
            aotOptions = plan.jvmOptions();
            aotMode = plan.mode();
            log.info("{}: {} AOT cache {}", service.moduleName(),
                    (aotMode == AotCache.Mode.TRAIN) ? "training" : "using", plan.cache());
        }
        List<String> command = JavaCommand.of(this.javaBinary, this.config.jvmOptions(), aotOptions, jar);
        synchronized (this.lock) {
            if (this.closed) {
                throw new StackStartException("The stack was stopped while starting");
            }
            this.processes.add(ServiceProcess.start(service, command, environment, this.config.repoRoot(), serviceLog,
                    aotMode));
        }
    }

    /**
     * Waits until every service that registers is listed UP in Eureka and every service (discovery included)
     * answers its readiness probe with UP; the gateway's readiness includes an instance for every route.
     */
    private Startup awaitReady(EurekaRegistry eureka, long begin) {
        Map<Service, Duration> registered = new EnumMap<>(Service.class);
        Map<Service, Duration> ready = new EnumMap<>(Service.class);
        List<Service> registering = this.config.services().stream().filter(Service::registersWithEureka).toList();
        List<Service> expected = this.config.services();
        ReadinessProbe probe = new ReadinessProbe();
        awaitCondition("every service to be registered in Eureka and ready", () -> {
            if (registered.size() < registering.size()) {
                Set<String> up = eureka.upApplications();
                for (Service service : registering) {
                    if (!registered.containsKey(service) && up.contains(service.eurekaId())) {
                        registered.put(service, since(begin));
                        log.info("{} is registered ({} s)", service.moduleName(), seconds(registered.get(service)));
                    }
                }
            }
            for (Service service : expected) {
                if (!ready.containsKey(service) && probe.isReady(baseUrl(service))) {
                    ready.put(service, since(begin));
                    log.info("{} is ready ({} s)", service.moduleName(), seconds(ready.get(service)));
                }
            }
            return registered.size() == registering.size() && ready.size() == expected.size();
        }, () -> "not registered: " + Service.moduleNames(
                registering.stream().filter((service) -> !registered.containsKey(service)).toList())
                + "; not ready (" + ReadinessProbe.PATH + "): "
                + Service.moduleNames(expected.stream().filter((service) -> !ready.containsKey(service)).toList()));
        return new Startup(registered, ready);
    }

    private record Startup(Map<Service, Duration> registered, Map<Service, Duration> ready) {
    }

    private void awaitCondition(String what, Condition condition) {
        awaitCondition(what, condition, () -> "");
    }

    private void awaitCondition(String what, Condition condition, java.util.function.Supplier<String> detail) {
        long deadline = System.nanoTime() + this.config.startupTimeout().toNanos();
        while (!condition.met()) {
            synchronized (this.lock) {
                if (this.closed) {
                    throw new StackStartException("The stack was stopped while waiting for " + what);
                }
            }
            for (ServiceProcess process : this.processes) {
                if (process.exitedUnexpectedly()) {
                    throw new ServiceExitedException(new ServiceExit(process.service(), process.exitCode()),
                            process.log().tail(40));
                }
            }
            if (System.nanoTime() > deadline) {
                throw new StackStartException("Timed out after " + this.config.startupTimeout().toSeconds()
                        + " s waiting for " + what + "; " + detail.get() + "\n" + tails(30));
            }
            sleep(POLL);
        }
    }

    String tails(int lines) {
        StringBuilder text = new StringBuilder();
        for (ServiceProcess process : this.processes) {
            text.append("---- last lines of ").append(process.service().moduleName()).append(" (")
                .append(process.log().file()).append(")\n");
            process.log().tail(lines).forEach((line) -> text.append("  ").append(line).append('\n'));
        }
        return text.toString();
    }

    Map<String, List<String>> logTails(int lines) {
        Map<String, List<String>> tails = new HashMap<>();
        this.processes.forEach((process) -> tails.put(process.service().moduleName(), process.log().tail(lines)));
        return tails;
    }

    static Duration since(long nanoTime) {
        return Duration.ofNanos(System.nanoTime() - nanoTime);
    }

    static String seconds(Duration duration) {
        return String.format(java.util.Locale.ROOT, "%.1f", duration.toMillis() / 1000.0);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new StackStartException("Interrupted while starting the stack", ex);
        }
    }

    @FunctionalInterface
    private interface Condition {

        boolean met();

    }

}
