package dev.kitty.system;

import dev.kitty.devstack.DevStack;
import dev.kitty.devstack.RunningStack;
import dev.kitty.devstack.Service;
import dev.kitty.devstack.StackConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * One running stack for every system test class of the JVM: starting it costs minutes on two cores, so the first
 * class that asks starts it and it is stopped once, after the last class (JUnit closes the root store's resources
 * at the very end). Inject it with a {@link RunningStack} parameter, e.g. in a static {@code @BeforeAll} method:
 *
 * <pre>{@code
 * @ExtendWith(SharedStack.class)
 * class SomethingIT {
 *     static RunningStack stack;
 *     @BeforeAll static void stack(RunningStack running) { stack = running; }
 * }
 * }</pre>
 *
 * {@link LogTailsOnFailure} prints the services' last log lines for a failed test. The stack has a SUPER_USER bootstrapped from
 * {@link #SUPER_USER_EMAIL} / {@link #SUPER_USER_PASSWORD}, and generous per-client-address throttles (all tests
 * share one address).
 */
public final class SharedStack implements ParameterResolver {

    public static final String SUPER_USER_EMAIL = "root@system-tests.kitty.test";

    public static final String SUPER_USER_PASSWORD = "system tests bootstrap super user";

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedStack.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == RunningStack.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) throws ParameterResolutionException {
        return stack(context);
    }

    /** Register next to {@link SharedStack} to print the services' last log lines when a test fails. */
    public static final class LogTailsOnFailure implements TestWatcher {

        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            Started started = context.getRoot().getStore(NAMESPACE).get(Started.class, Started.class);
            if (started != null) {
                System.err.println("==== " + context.getDisplayName() + " failed; the services' last lines:");
                System.err.println(started.stack.describeLogTails(60));
            }
        }

    }

    /** The JVM's stack, started on first use. */
    public static RunningStack stack(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).computeIfAbsent(Started.class, (key) -> start(), Started.class).stack;
    }

    private static Started start() {
        return new Started(startAndReport(testConfig()));
    }

    /** Starts a stack with the given configuration and prints when each service became ready. */
    public static RunningStack startAndReport(StackConfig config) {
        // on failure the exception carries the last lines of every service
        RunningStack stack = DevStack.start(config);
        System.out.println("Stack up in " + stack.startupTime().toMillis() + " ms: gateway " + stack.gatewayUrl());
        stack.config().services().forEach((service) -> System.out.printf("  %-22s registered %6s ms, ready %6s ms%n",
                service.moduleName(), millis(stack.registrationTimes().get(service)),
                millis(stack.readinessTimes().get(service))));
        return stack;
    }

    /** The system tests' stack: ephemeral, with a bootstrapped SUPER_USER and per-address throttles raised. */
    public static StackConfig testConfig() {
        return StackConfig.ephemeral(repoRoot())
            // JDK 25+: the first stack of a build trains an AOT cache per service (written when it stops, kept in
            // .kitty/aot-ephemeral); the fault scenarios' stack then starts and restarts each service about three
            // times faster. On JDK 21 this is a no-op.
            .withAot(true)
            .withEchoOutput(Boolean.getBoolean("kitty.stack.echo"))
            .withStartupTimeout(Duration.ofMinutes(5))
            .withServiceEnvironment(Service.AUTH, Map.of(
                    "KITTY_AUTH_BOOTSTRAP_SUPER_USER_EMAIL", SUPER_USER_EMAIL,
                    "KITTY_AUTH_BOOTSTRAP_SUPER_USER_PASSWORD", SUPER_USER_PASSWORD))
            // every test client calls from 127.0.0.1: the per-address limits would otherwise throttle one class for
            // another's failed logins and registrations. Per-account and per-email limits keep their defaults.
            .withServiceEnvironment(Service.AUTH, Map.of(
                    "KITTY_AUTH_THROTTLE_ADDRESSFAILURES_ATTEMPTS", "1000",
                    "KITTY_AUTH_THROTTLE_ADDRESSFAILURES_WINDOW", "5m",
                    "KITTY_AUTH_THROTTLE_ADDRESSFAILURES_LOCKOUT", "5m",
                    "KITTY_AUTH_THROTTLE_REGISTRATIONS_ATTEMPTS", "1000",
                    "KITTY_AUTH_THROTTLE_REGISTRATIONS_WINDOW", "1h",
                    "KITTY_AUTH_THROTTLE_REGISTRATIONS_LOCKOUT", "15m",
                    "KITTY_AUTH_THROTTLE_PASSWORDRESETSBYADDRESS_ATTEMPTS", "1000",
                    "KITTY_AUTH_THROTTLE_PASSWORDRESETSBYADDRESS_WINDOW", "15m",
                    "KITTY_AUTH_THROTTLE_PASSWORDRESETSBYADDRESS_LOCKOUT", "15m"));
    }

    private static String millis(Duration duration) {
        return (duration == null) ? "-" : String.valueOf(duration.toMillis());
    }

    /** Closed by JUnit with the root context: after every test class of the JVM. */
    @SuppressWarnings("deprecation") // CloseableResource: JUnit 6 also closes AutoCloseable values, 5.x only this
    private record Started(RunningStack stack) implements ExtensionContext.Store.CloseableResource {

        @Override
        public void close() {
            try {
                keepLogs(this.stack.config().logDirectory());
            }
            finally {
                this.stack.close();
            }
        }

    }

    /** The stack's data is temporary: its logs are copied to target/stack-logs to be read after the run. */
    private static void keepLogs(Path logDirectory) {
        keepLogs(logDirectory, Path.of("target", "stack-logs"));
    }

    /** Copies the logs of a temporary stack to where they can be read after the run. */
    public static void keepLogs(Path logDirectory, Path target) {
        try {
            Files.createDirectories(target);
            try (Stream<Path> logs = Files.list(logDirectory)) {
                for (Path log : logs.toList()) {
                    Files.copy(log, target.resolve(log.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    static Path repoRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("dev-stack")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("Run from inside the Kitty repository");
    }

}
