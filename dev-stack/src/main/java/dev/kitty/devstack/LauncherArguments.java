package dev.kitty.devstack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The launcher's command line. */
public record LauncherArguments(boolean reset, @Nullable Path dataDirectory, boolean aot, boolean bench,
        boolean ephemeral, List<Service> services, boolean help, boolean fullJit, List<String> extraJvmOptions) {

    public static final String USAGE = """
            Usage: java -jar dev-stack/target/dev-stack.jar [options]   (or ./run.sh [options])

            Starts embedded PostgreSQL, Kafka and a mail server, then discovery, the gateway and every
            service as its own JVM, and waits until Eureka lists them all.

              --reset             wipe the PostgreSQL and Kafka data before starting
              --data-dir <path>   keep data there instead of <repo>/.kitty
              --aot               use a JDK 25 AOT cache per service (the first run trains it)
              --ephemeral         free ports and a temporary data directory: never disturbs a running stack
              --services <a,b>    start only these services (discovery is always started)
              --bench             start, print time-to-ready and memory per service, stop, exit 0
              --full-jit          run the services with the full JIT (C2), as the container images do, instead of the
                                  faster-starting C1 only: for throughput benchmarks (slower start, more CPU while warming)
              --jvm-option <opt>  one more JVM option for every service, after the launcher's own (repeatable), e.g.
                                  --jvm-option=-Xms384m --jvm-option=-XX:+AlwaysPreTouch for the soak
              --help              show this help

            ./run.sh builds first; it also takes --offline (Maven -o) and --no-build.
            Ctrl-C stops the services, then the infrastructure.
            """;

    public LauncherArguments {
        services = List.copyOf(services);
        extraJvmOptions = List.copyOf(extraJvmOptions);
    }

    public static LauncherArguments parse(String... args) {
        boolean reset = false;
        Path dataDirectory = null;
        boolean aot = false;
        boolean bench = false;
        boolean ephemeral = false;
        boolean help = false;
        boolean fullJit = false;
        List<String> extraJvmOptions = new ArrayList<>();
        List<Service> services = new ArrayList<>(List.of(Service.values()));
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String value = null;
            int equals = arg.indexOf('=');
            if (arg.startsWith("--") && equals > 0) {
                value = arg.substring(equals + 1);
                arg = arg.substring(0, equals);
            }
            switch (arg) {
                case "--reset" -> reset = true;
                case "--aot" -> aot = true;
                case "--bench" -> bench = true;
                case "--ephemeral" -> ephemeral = true;
                case "--full-jit" -> fullJit = true;
                case "--help", "-h" -> help = true;
                case "--data-dir" -> {
                    if (value == null) {
                        value = valueAfter(args, i++, arg);
                    }
                    dataDirectory = Path.of(value);
                }
                case "--jvm-option" -> {
                    if (value == null) {
                        value = jvmOptionAfter(args, i++, arg);
                    }
                    if (!value.startsWith("-")) {
                        throw new IllegalArgumentException("--jvm-option takes a JVM option such as -Xms384m, not '" + value + "'");
                    }
                    extraJvmOptions.add(value);
                }
                case "--services" -> {
                    if (value == null) {
                        value = valueAfter(args, i++, arg);
                    }
                    services = new ArrayList<>(List.of(Service.DISCOVERY));
                    Arrays.stream(value.split(",")).filter((name) -> !name.isBlank()).map(Service::fromModuleName)
                        .forEach(services::add);
                }
                default -> throw new IllegalArgumentException("Unknown option '" + args[i] + "' (try --help)");
            }
        }
        return new LauncherArguments(reset, dataDirectory, aot, bench, ephemeral, services, help, fullJit, extraJvmOptions);
    }

    public StackConfig toConfig(Path repoRoot) {
        StackConfig config = this.ephemeral ? StackConfig.ephemeral(repoRoot) : StackConfig.defaults(repoRoot);
        if (this.dataDirectory != null) {
            config = config.withDataDirectory(this.dataDirectory);
        }
        config = config.withReset(this.reset).withAot(this.aot).withServices(this.services);
        List<String> jvmOptions = new ArrayList<>(this.fullJit ? StackConfig.FULL_JIT_JVM_OPTIONS : config.jvmOptions());
        // last: for options given twice (-Xms, -Xmx) the JVM takes the last one
        jvmOptions.addAll(this.extraJvmOptions);
        return config.withJvmOptions(jvmOptions);
    }

    /** A JVM option starts with a dash, so the usual "a value does not start with --" check does not apply. */
    private static String jvmOptionAfter(String[] args, int index, String option) {
        if (index + 1 >= args.length) {
            throw new IllegalArgumentException(option + " needs a value (try --help)");
        }
        return args[index + 1];
    }

    private static String valueAfter(String[] args, int index, String option) {
        if (index + 1 >= args.length || args[index + 1].startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value (try --help)");
        }
        return args[index + 1];
    }

}
