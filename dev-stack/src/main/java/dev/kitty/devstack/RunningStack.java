package dev.kitty.devstack;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** A started stack. Closing it stops the services, then the infrastructure. */
public final class RunningStack implements AutoCloseable {

    private final DevStack stack;

    private final Infrastructure infrastructure;

    private final Duration startupTime;

    private final Duration infrastructureTime;

    private final Map<Service, Duration> registrationTimes;

    private final Map<Service, Duration> readinessTimes;

    RunningStack(DevStack stack, Infrastructure infrastructure, Duration startupTime, Duration infrastructureTime,
            Map<Service, Duration> registrationTimes, Map<Service, Duration> readinessTimes) {
        this.stack = stack;
        this.infrastructure = infrastructure;
        this.startupTime = startupTime;
        this.infrastructureTime = infrastructureTime;
        this.registrationTimes = Map.copyOf(registrationTimes);
        this.readinessTimes = Map.copyOf(readinessTimes);
    }

    public StackConfig config() {
        return this.stack.config();
    }

    /** The gateway's base URL, without a trailing slash. */
    public String gatewayUrl() {
        return this.stack.baseUrl(Service.GATEWAY);
    }

    /** A service's public address (the one its health answers on), without a trailing slash. */
    public String serviceUrl(Service service) {
        return this.stack.baseUrl(service);
    }

    /**
     * A service's management address, without a trailing slash: the actuator ({@code /actuator/prometheus} and the
     * rest), which the public address does not serve.
     */
    public String managementUrl(Service service) {
        return this.stack.managementUrl(service);
    }

    /** Eureka's base URL (its dashboard), without a trailing slash. */
    public String eurekaUrl() {
        return this.stack.eurekaUrl();
    }

    /** The issuer services expect in tokens: the gateway's public address. */
    public String issuer() {
        return ServiceEnvironment.issuer(config().ports());
    }

    public String jdbcUrl(String database) {
        return this.infrastructure.endpoints().jdbcUrl().apply(database);
    }

    public String kafkaBootstrapServers() {
        return this.infrastructure.endpoints().kafkaBootstrapServers();
    }

    public int smtpPort() {
        return this.infrastructure.endpoints().smtpPort();
    }

    public int imapPort() {
        return this.infrastructure.endpoints().imapPort();
    }

    /** The mail server, to read what the services sent. */
    public dev.kitty.infra.EmbeddedMailServer mail() {
        return this.infrastructure.mail();
    }

    /** Process id per service name, in start order. */
    public Map<String, Long> servicePids() {
        Map<String, Long> pids = new LinkedHashMap<>();
        this.stack.processes().forEach((process) -> pids.put(process.service().moduleName(), process.pid()));
        return pids;
    }

    /** From {@link DevStack#start} until every service was registered and ready. */
    public Duration startupTime() {
        return this.startupTime;
    }

    public Duration infrastructureTime() {
        return this.infrastructureTime;
    }

    /** When each service was first listed UP, counted from the start of the launch. */
    public Map<Service, Duration> registrationTimes() {
        return this.registrationTimes;
    }

    /** When each service first answered its readiness probe with UP, counted from the start of the launch. */
    public Map<Service, Duration> readinessTimes() {
        return this.readinessTimes;
    }

    /** The last lines each service wrote, by service name. */
    public Map<String, List<String>> logTails(int lines) {
        return this.stack.logTails(lines);
    }

    /** The same tails as one printable text, with the path of each full log. */
    public String describeLogTails(int lines) {
        return this.stack.tails(lines);
    }

    /** Completes when the first service exits without being asked to. */
    public CompletableFuture<ServiceExit> unexpectedExit() {
        CompletableFuture<?>[] exits = this.stack.processes().stream()
            .map(ServiceProcess::unexpectedExit)
            .toArray(CompletableFuture[]::new);
        return CompletableFuture.anyOf(exits).thenApply(ServiceExit.class::cast);
    }

    // ---- faults, for the fault tests (fault-tests/): one component at a time, on loopback only

    /** SIGKILL one service, as a crash would: no shutdown hook runs. {@link #restart} brings it back. */
    public void kill(Service service) {
        this.stack.kill(service);
    }

    /** SIGSTOP one service: frozen with its connections open, as in a long pause. {@link #resume} thaws it. */
    public void pause(Service service) {
        this.stack.pause(service);
    }

    public void resume(Service service) {
        this.stack.resume(service);
    }

    /** SIGTERM one service and wait for it to end: a graceful stop, as in a rolling deployment. */
    public void stop(Service service) {
        this.stack.stop(service);
    }

    /** Starts a stopped or killed service again, as first configured, and waits until it is ready and registered. */
    public void restart(Service service) {
        this.stack.restart(service);
    }

    /**
     * Starts a second instance of a domain service on free ports, registered beside the first (two schedulers racing,
     * a load-balanced pair). Stopped with the stack.
     * @return its public port
     */
    public int startSecondInstance(Service service) {
        return this.stack.startSecondInstance(service);
    }

    public void killSecondInstance(Service service) {
        this.stack.killSecondInstance(service);
    }

    /**
     * Brings back whatever a fault left down (a failed fault test must not break the next): stopped embedded
     * servers, services whose process has ended; second instances are stopped.
     */
    public void restoreAll() {
        this.stack.restoreAll();
    }

    /** Shuts the broker down; clients see it gone until {@link #startKafka()}. */
    public void stopKafka() {
        this.infrastructure.stopKafka();
    }

    /** The broker again, on the same port and log directory: topics and committed offsets are kept. */
    public void startKafka() {
        this.infrastructure.startKafka();
    }

    public void stopPostgres() {
        this.infrastructure.stopPostgres();
    }

    public void startPostgres() {
        this.infrastructure.startPostgres();
    }

    /** Stops SMTP and IMAP; GreenMail keeps mail in memory, so what it had received is gone. */
    public void stopMail() {
        this.infrastructure.stopMail();
    }

    public void startMail() {
        this.infrastructure.startMail();
    }

    List<ServiceProcess> processes() {
        return this.stack.processes();
    }

    @Override
    public void close() {
        this.stack.close();
    }

}
