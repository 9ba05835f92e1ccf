package dev.kitty.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.yaml.snakeyaml.Yaml;

/**
 * No Docker engine runs these tests, so docker-compose.yml is checked for consistency
 * instead: every service built from its module, wired to its own database, Kafka and
 * Eureka, started in dependency order, and only the public entry points published.
 */
class ComposeFileTests {

    /** The Kitty services: compose service = reactor module = Eureka id; public port, management port, database. */
    private static final String SERVICE_TABLE = """
            discovery            | 8761 | 9761 | =
            gateway              | 8080 | 9080 | =
            auth-service         | 8081 | 9081 | kitty_auth
            user-service         | 8082 | 9082 | kitty_user
            budget-service       | 8083 | 9083 | kitty_budget
            transaction-service  | 8084 | 9084 | kitty_transaction
            notification-service | 8085 | 9085 | kitty_notification
            """;

    private static final Set<String> DOMAIN_SERVICES =
            Set.of("auth-service", "user-service", "budget-service", "transaction-service", "notification-service");

    private static final Set<String> PUBLISHED = Set.of("gateway", "discovery", "mail");

    private static final Set<String> CONDITIONS =
            Set.of("service_started", "service_healthy", "service_completed_successfully");

    private static Path repoRoot;
    private static Map<String, Map<String, Object>> services;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void readComposeFile() throws IOException {
        repoRoot = findRepoRoot();
        try (var reader = Files.newBufferedReader(repoRoot.resolve("docker-compose.yml"))) {
            Map<String, Object> compose = new Yaml().load(reader);
            services = (Map<String, Map<String, Object>>) compose.get("services");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "=", textBlock = SERVICE_TABLE)
    void buildsEveryServiceFromItsModuleWithTheDockerfile(String name, int port, int managementPort, String database) {
        assertThat(repoRoot.resolve(name).resolve("pom.xml")).as("module %s", name).exists();
        assertThat(services).as("compose services").containsKey(name);

        var build = map(service(name).get("build"));
        assertThat(build.get("context")).isEqualTo(".");
        assertThat(map(build.get("args"))).containsEntry("SERVICE", name);
        assertThat(repoRoot.resolve("Dockerfile")).content().contains("ARG SERVICE");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "=", textBlock = SERVICE_TABLE)
    void runsEveryServiceOnItsConventionalPortWithAHealthcheck(String name, int port, int managementPort, String database) {
        assertThat(environment(name)).containsEntry("SERVER_PORT", Integer.toString(port));
        var healthcheck = map(service(name).get("healthcheck"));
        assertThat(healthcheck.get("test")).as("%s healthcheck", name).isNotNull();
        assertThat(healthcheck.get("disable")).isNotEqualTo(true);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "=", textBlock = SERVICE_TABLE)
    void keepsEveryManagementPortOffTheHost(String name, int port, int managementPort, String database) {
        assertThat(environment(name)).containsEntry("MANAGEMENT_SERVER_PORT", Integer.toString(managementPort));
        var published = service(name).get("ports");
        if (published != null) {
            assertThat(list(published)).as("%s publishes", name)
                    .noneMatch(mapping -> mapping.toString().endsWith(":" + managementPort))
                    .noneMatch(mapping -> mapping.toString().equals(Integer.toString(managementPort)));
        }
    }

    @Test
    void asksEachServicesReadinessOnItsPublicPort() throws IOException {
        var dockerfile = Files.readString(repoRoot.resolve("Dockerfile"));

        assertThat(dockerfile).contains("GET /actuator/health/readiness").contains("port=\"${SERVER_PORT:-${port}}\"")
                .doesNotContain("port=\"${MANAGEMENT_SERVER_PORT");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "=", textBlock = SERVICE_TABLE)
    void connectsEachDomainServiceToItsOwnDatabaseOnly(String name, int port, int managementPort, String database) {
        var env = environment(name);
        if (database == null) {
            assertThat(env).doesNotContainKey("SPRING_DATASOURCE_URL");
            return;
        }
        var url = URI.create(env.get("SPRING_DATASOURCE_URL").replaceFirst("^jdbc:", ""));
        assertThat(url.getScheme()).isEqualTo("postgresql");
        assertThat(url.getPath()).isEqualTo("/" + database);

        var dbService = url.getHost();
        assertThat(services).as("database service of %s", name).containsKey(dbService);
        var dbEnv = environment(dbService);
        assertThat(dbEnv).containsEntry("POSTGRES_DB", database).containsEntry("POSTGRES_USER", database);
        assertThat(env).containsEntry("SPRING_DATASOURCE_USERNAME", database)
                .containsEntry("SPRING_DATASOURCE_PASSWORD", dbEnv.get("POSTGRES_PASSWORD"));
        assertThat(dependencies(name)).containsEntry(dbService, "service_healthy");

        var sharing = DOMAIN_SERVICES.stream().filter(other -> !other.equals(name))
                .filter(other -> environment(other).getOrDefault("SPRING_DATASOURCE_URL", "").contains("//" + dbService + ":"))
                .toList();
        assertThat(sharing).as("other services using %s", dbService).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "=", textBlock = SERVICE_TABLE)
    void pointsEveryServiceAtDiscoveryAndEveryDomainServiceAtKafka(String name, int port, int managementPort, String database) {
        if (name.equals("discovery")) {
            return;
        }
        var env = environment(name);
        var eureka = URI.create(env.get("EUREKA_CLIENT_SERVICEURL_DEFAULTZONE"));
        assertThat(eureka.getHost()).isEqualTo("discovery");
        assertThat(eureka.getPort()).isEqualTo(Integer.parseInt(environment("discovery").get("SERVER_PORT")));
        assertThat(eureka.getPath()).isEqualTo("/eureka/");
        assertThat(dependencies(name)).containsEntry("discovery", "service_healthy");

        if (DOMAIN_SERVICES.contains(name)) {
            var kafka = env.get("SPRING_KAFKA_BOOTSTRAP_SERVERS");
            assertThat(kafka).isEqualTo("kafka:9092");
            assertThat(environment("kafka").get("KAFKA_ADVERTISED_LISTENERS")).contains("//" + kafka);
            assertThat(dependencies(name)).containsEntry("kafka", "service_healthy");
        }
    }

    @Test
    void waitsOnAnExplicitConditionForEveryDependency() {
        services.keySet().forEach(name -> dependencies(name).forEach((target, condition) -> {
            assertThat(services).as("%s depends on", name).containsKey(target);
            assertThat(condition).as("%s -> %s", name, target).isIn(CONDITIONS);
            if (condition.equals("service_healthy")) {
                assertThat(service(target)).as("%s, waited for as healthy", target).containsKey("healthcheck");
            }
        }));
    }

    @Test
    void publishesOnlyTheGatewayEurekaAndTheMailCatcher() {
        var published = services.entrySet().stream()
                .filter(entry -> entry.getValue().containsKey("ports"))
                .map(Map.Entry::getKey)
                .collect(Collectors.toSet());

        assertThat(published).isEqualTo(PUBLISHED);
        assertThat(list(service("gateway").get("ports"))).anyMatch(port -> port.toString().endsWith("8080:8080"));
    }

    @Test
    void takesSecretsOnlyFromTheEnvironmentWithDevDefaults() {
        services.keySet().forEach(name -> environment(name).forEach((key, value) -> {
            if (key.contains("PASSWORD") || key.contains("SECRET")) {
                assertThat(value).as("%s %s", name, key).matches("\\$\\{[A-Z0-9_]+:-[^}]*}");
            }
        }));
    }

    private static Map<String, Object> service(String name) {
        assertThat(services).containsKey(name);
        return services.get(name);
    }

    /** Compose accepts both {@code KEY: value} maps and {@code - KEY=value} lists. */
    private static Map<String, String> environment(String name) {
        var raw = service(name).get("environment");
        var env = new LinkedHashMap<String, String>();
        if (raw instanceof Map<?, ?> entries) {
            entries.forEach((key, value) -> env.put(key.toString(), String.valueOf(value)));
        } else if (raw instanceof List<?> lines) {
            lines.forEach(line -> {
                var text = line.toString();
                var at = text.indexOf('=');
                env.put(at < 0 ? text : text.substring(0, at), at < 0 ? "" : text.substring(at + 1));
            });
        }
        return env;
    }

    /** depends_on as target to condition; the short list form has no condition at all. */
    private static Map<String, String> dependencies(String name) {
        var raw = service(name).get("depends_on");
        var dependencies = new LinkedHashMap<String, String>();
        if (raw instanceof Map<?, ?> entries) {
            entries.forEach((target, options) -> dependencies.put(target.toString(),
                    options instanceof Map<?, ?> map ? String.valueOf(map.get("condition")) : "none"));
        } else if (raw instanceof List<?> targets) {
            targets.forEach(target -> dependencies.put(target.toString(), "none"));
        }
        return dependencies;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    private static List<?> list(Object value) {
        assertThat(value).isInstanceOf(List.class);
        return (List<?>) value;
    }

    private static Path findRepoRoot() {
        for (var dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("docker-compose.yml")) && Files.exists(dir.resolve("mvnw"))) {
                return dir;
            }
        }
        throw new IllegalStateException("docker-compose.yml not found above " + Path.of("").toAbsolutePath());
    }
}
