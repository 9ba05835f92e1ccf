package dev.kitty.devstack;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The processes of the stack, in start order. The name is the Maven module, the jar name and the
 * Eureka service id at once.
 */
public enum Service {

    DISCOVERY("discovery", 8761, null),
    GATEWAY("gateway", 8080, null),
    AUTH("auth-service", 8081, "kitty_auth"),
    USER("user-service", 8082, "kitty_user"),
    BUDGET("budget-service", 8083, "kitty_budget"),
    TRANSACTION("transaction-service", 8084, "kitty_transaction"),
    NOTIFICATION("notification-service", 8085, "kitty_notification");

    private final String moduleName;

    private final int defaultPort;

    private final String database;

    Service(String moduleName, int defaultPort, String database) {
        this.moduleName = moduleName;
        this.defaultPort = defaultPort;
        this.database = database;
    }

    public String moduleName() {
        return this.moduleName;
    }

    public int defaultPort() {
        return this.defaultPort;
    }

    /**
     * The actuator's own port ({@code management.server.port}, where metrics are scraped): the service port + 1000,
     * as in each service's application.yml (9761 for discovery, 9080 for the gateway, 9081-9085 for the services).
     */
    public int defaultManagementPort() {
        return this.defaultPort + 1000;
    }

    /** The service's own database; its user and password carry the same name. */
    public Optional<String> database() {
        return Optional.ofNullable(this.database);
    }

    /** A domain service: owns a database, talks Kafka and sits behind the gateway. */
    public boolean isDomainService() {
        return this.database != null;
    }

    /** Whether the service registers itself in Eureka (everything but Eureka itself). */
    public boolean registersWithEureka() {
        return this != DISCOVERY;
    }

    public String eurekaId() {
        return this.moduleName.toUpperCase(Locale.ROOT);
    }

    public Path jar(Path repoRoot) {
        return repoRoot.resolve(this.moduleName).resolve("target").resolve(this.moduleName + ".jar");
    }

    public static Service fromModuleName(String name) {
        return Arrays.stream(values())
            .filter((service) -> service.moduleName.equals(name.trim()))
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException(
                    "Unknown service '" + name + "'; expected one of " + moduleNames(List.of(values()))));
    }

    static String moduleNames(List<Service> services) {
        return String.join(", ", services.stream().map(Service::moduleName).toList());
    }

    static int longestName() {
        return Arrays.stream(values()).mapToInt((service) -> service.moduleName.length()).max().orElse(0);
    }

}
