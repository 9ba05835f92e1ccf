package dev.kitty.devstack;

import dev.kitty.infra.PortInUseException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

/** {@code java -jar dev-stack.jar [--reset] [--data-dir <path>] [--aot] [--ephemeral] [--bench] [--help]}. */
public final class DevStackMain {

    private static final Duration CTRL_C_GRACE = Duration.ofSeconds(2);

    private final PrintStream out;

    private final PrintStream err;

    DevStackMain(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(new DevStackMain(System.out, System.err).run(args));
    }

    int run(String[] args) {
        LauncherArguments arguments;
        try {
            arguments = LauncherArguments.parse(args);
        }
        catch (IllegalArgumentException ex) {
            this.err.println(ex.getMessage());
            this.err.println();
            this.err.print(LauncherArguments.USAGE);
            return 2;
        }
        if (arguments.help()) {
            this.out.print(LauncherArguments.USAGE);
            return 0;
        }
        StackConfig config = arguments.toConfig(RepoRoot.locate());
        DevStack stack = new DevStack(config);
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "dev-stack-shutdown"));
        RunningStack running;
        try {
            running = stack.launch();
        }
        catch (PortInUseException | StackStartException | IllegalArgumentException ex) {
            if (interruptedByCtrlC(stack)) {
                return 130;
            }
            stack.close();
            this.err.println();
            this.err.println("dev-stack could not start: " + ex.getMessage());
            return 1;
        }
        if (arguments.bench()) {
            printBench(running);
            stopForBench(running);
            return 0;
        }
        printSummary(running);
        ServiceExit exit = running.unexpectedExit().join();
        if (interruptedByCtrlC(stack)) {
            return 130;
        }
        this.err.println();
        this.err.println("dev-stack: " + exit.describe() + "; stopping everything. Its last lines:");
        running.logTails(40).getOrDefault(exit.service().moduleName(), List.of())
            .forEach((line) -> this.err.println("  " + line));
        stack.close();
        return 1;
    }

    /**
     * Ctrl-C in a terminal signals the whole process group: a service may stop before the launcher's own
     * shutdown hook runs. That is no failure to report.
     */
    private static boolean interruptedByCtrlC(DevStack stack) {
        long deadline = System.nanoTime() + CTRL_C_GRACE.toNanos();
        while (!stack.isClosing() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return stack.isClosing();
    }

    void printSummary(RunningStack running) {
        StackConfig config = running.config();
        StackPorts ports = config.ports();
        String gateway = "http://localhost:" + ports.port(Service.GATEWAY);
        List<String> databases = config.services().stream().flatMap((service) -> service.database().stream()).toList();
        String firstDatabase = databases.isEmpty() ? "<database>" : databases.get(0);
        this.out.println();
        this.out.println("Kitty is up in " + DevStack.seconds(running.startupTime()) + " s (infrastructure "
                + DevStack.seconds(running.infrastructureTime()) + " s)");
        line("Gateway", gateway);
        line("Swagger UI", gateway + "/swagger-ui.html");
        line("Eureka", "http://localhost:" + ports.port(Service.DISCOVERY) + "/");
        line("Metrics", "/actuator/prometheus on each management port: " + managementPorts(config)
                + "  (public ports answer only /actuator/health)");
        line("PostgreSQL", running.jdbcUrl(firstDatabase) + "  (databases " + String.join(", ", databases)
                + "; user = password = database name)");
        line("Kafka", running.kafkaBootstrapServers());
        line("Mail", "SMTP localhost:" + running.smtpPort() + ", IMAP localhost:" + running.imapPort()
                + "  (IMAP login = password = recipient address)");
        line("Data", config.dataDirectory() + "  (service logs in " + config.logDirectory() + ")");
        this.out.println("Ctrl-C stops everything.");
        this.out.println();
    }

    void printBench(RunningStack running) {
        StackConfig config = running.config();
        this.out.println();
        this.out.printf(Locale.ROOT, "Stack start-up benchmark: JDK %s, %d CPUs, JVM options %s, AOT %s%n",
                Runtime.version(), Runtime.getRuntime().availableProcessors(), String.join(" ", config.jvmOptions()),
                aotDescription(running));
        this.out.printf(Locale.ROOT, "  %-22s %8s s%n", "infrastructure ready", DevStack.seconds(running.infrastructureTime()));
        this.out.printf(Locale.ROOT, "  %-22s %8s s%n", "all registered, ready", DevStack.seconds(running.startupTime()));
        this.out.printf(Locale.ROOT, "  %-22s %10s %10s %8s%n", "service", "registered", "ready", "RSS");
        long total = 0;
        for (ServiceProcess process : running.processes()) {
            Service service = process.service();
            var registered = running.registrationTimes().get(service);
            var ready = running.readinessTimes().get(service);
            OptionalLong rss = ProcessMemory.residentMegabytes(process.pid());
            total += rss.orElse(0);
            this.out.printf(Locale.ROOT, "  %-22s %10s %10s %5s MB%n", service.moduleName(),
                    (registered != null) ? DevStack.seconds(registered) + " s" : "-",
                    (ready != null) ? DevStack.seconds(ready) + " s" : "-",
                    rss.isPresent() ? String.valueOf(rss.getAsLong()) : "?");
        }
        this.out.printf(Locale.ROOT, "  %-22s %10s %10s %5d MB%n", "services total", "", "", total);
        OptionalLong launcher = ProcessMemory.residentMegabytes(ProcessHandle.current().pid());
        this.out.printf(Locale.ROOT, "  %-22s %10s %10s %5s MB%n", "launcher (Kafka, mail)", "", "",
                launcher.isPresent() ? String.valueOf(launcher.getAsLong()) : "?");
        this.out.println();
    }

    private void stopForBench(RunningStack running) {
        boolean training = running.processes().stream().anyMatch((process) -> process.aotMode() == AotCache.Mode.TRAIN);
        if (training) {
            this.out.println("Stopping; the services write their AOT caches on exit (rerun to measure with them)...");
        }
        running.close();
    }

    private static String aotDescription(RunningStack running) {
        if (!running.config().aot()) {
            return "off";
        }
        var modes = running.processes().stream().map(ServiceProcess::aotMode).distinct().toList();
        if (modes.contains(AotCache.Mode.TRAIN)) {
            return "training run (cache written on exit)";
        }
        return modes.contains(AotCache.Mode.USE) ? "from cache " + running.config().aotDirectory() : "unsupported";
    }

    private static String managementPorts(StackConfig config) {
        return String.join(", ", config.services().stream()
            .map((service) -> service.moduleName() + " " + config.ports().managementPort(service))
            .toList());
    }

    private void line(String label, String value) {
        this.out.printf(Locale.ROOT, "  %-12s %s%n", label, value);
    }

}
