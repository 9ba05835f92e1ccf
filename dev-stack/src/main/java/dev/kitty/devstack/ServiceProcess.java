package dev.kitty.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** One service JVM with its output pumped into a {@link ServiceLog}. */
final class ServiceProcess {

    private final Service service;

    private final Process process;

    private final ServiceLog log;

    private final AotCache.Mode aotMode;

    private final Thread pump;

    private volatile boolean stopping;

    private ServiceProcess(Service service, Process process, ServiceLog log, Thread pump, AotCache.Mode aotMode) {
        this.service = service;
        this.process = process;
        this.log = log;
        this.pump = pump;
        this.aotMode = aotMode;
    }

    static ServiceProcess start(Service service, List<String> command, Map<String, String> environment,
            Path workingDirectory, ServiceLog log, AotCache.Mode aotMode) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile())
            .redirectErrorStream(true);
        builder.environment().putAll(environment);
        try {
            Process process = builder.start();
            return new ServiceProcess(service, process, log, log.pump(process.getInputStream()), aotMode);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not start " + service.moduleName() + ": " + command, ex);
        }
    }

    Service service() {
        return this.service;
    }

    long pid() {
        return this.process.pid();
    }

    ServiceLog log() {
        return this.log;
    }

    AotCache.Mode aotMode() {
        return this.aotMode;
    }

    /** Exited on its own, not because {@link #stop} asked it to. */
    boolean exitedUnexpectedly() {
        return !this.stopping && !this.process.isAlive();
    }

    int exitCode() {
        return this.process.exitValue();
    }

    CompletableFuture<ServiceExit> unexpectedExit() {
        return this.process.onExit()
            .thenCompose((ended) -> this.stopping ? new CompletableFuture<>()
                    : CompletableFuture.completedFuture(new ServiceExit(this.service, ended.exitValue())));
    }

    /**
     * Asks the JVM to shut down (SIGTERM, so Spring closes gracefully) without waiting. Signalled through the
     * {@link ProcessHandle}: {@link Process#destroy()} would also close the output pipe, losing the last lines and
     * breaking the pipe under a JVM still writing its AOT cache.
     */
    void requestStop() {
        this.stopping = true;
        this.process.toHandle().destroy();
    }

    /** SIGKILL, as a crash or the OOM killer would: no shutdown hook runs, nothing is flushed. */
    void kill() {
        this.stopping = true;
        this.process.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
        this.process.toHandle().destroyForcibly();
        try {
            this.process.waitFor(30, TimeUnit.SECONDS);
            this.pump.join(Duration.ofSeconds(2));
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    /** Sends a signal by name ({@code STOP}, {@code CONT}) with the system's {@code kill}: Java has no API for it. */
    void signal(String name) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + name, String.valueOf(pid())).redirectErrorStream(true).start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill -" + name + " " + pid() + " failed: "
                        + new String(kill.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not signal " + this.service.moduleName(), ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while signalling " + this.service.moduleName(), ex);
        }
    }

    boolean isAlive() {
        return this.process.isAlive();
    }

    /**
     * Waits up to the grace period for the process to end, then kills it.
     * @return whether the process ended by itself
     */
    boolean awaitStop(Duration grace) {
        try {
            if (this.process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                this.pump.join(Duration.ofSeconds(2));
                return true;
            }
            // the JVM may have started a child of its own (the AOT cache assembler)
            this.process.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
            this.process.toHandle().destroyForcibly();
            this.process.waitFor(10, TimeUnit.SECONDS);
            return false;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            this.process.toHandle().destroyForcibly();
            return false;
        }
    }

}
