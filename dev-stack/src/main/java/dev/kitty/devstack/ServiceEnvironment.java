package dev.kitty.devstack;

import java.util.LinkedHashMap;
import java.util.Map;

/** The environment variables a service process gets: standard Spring Boot relaxed-binding names only. */
final class ServiceEnvironment {

    static final String BIND_ADDRESS = "127.0.0.1";

    static final String AUDIENCE = "kitty-api";

    /**
     * glibc's malloc arena limit for the service JVMs, as the container image sets it (ADR 25): with the default of
     * eight arenas per core, native memory freed under bursts of load stays resident and RSS creeps up for hours.
     */
    static final String MALLOC_ARENA_MAX = "MALLOC_ARENA_MAX";

    static final String DEFAULT_MALLOC_ARENAS = "2";

    /**
     * The gateway's client secret at auth-service's credential exchange: random for each launch, so that no
     * value in the repository opens the exchange of a running stack.
     */
    static final String EXCHANGE_CLIENT_SECRET = randomSecret();

    private ServiceEnvironment() {
    }

    /** Eureka needs no infrastructure, so it can start while PostgreSQL and Kafka do. */
    static Map<String, String> ofDiscovery(StackPorts ports) {
        Map<String, String> env = common(Service.DISCOVERY, ports);
        env.put("EUREKA_INSTANCE_HOSTNAME", BIND_ADDRESS);
        return env;
    }

    static Map<String, String> of(Service service, StackPorts ports, InfrastructureEndpoints infrastructure) {
        if (service == Service.DISCOVERY) {
            return ofDiscovery(ports);
        }
        Map<String, String> env = common(service, ports);
        env.put("EUREKA_INSTANCE_PREFER_IP_ADDRESS", "true");
        env.put("EUREKA_INSTANCE_IP_ADDRESS", BIND_ADDRESS);
        env.put("KITTY_SECURITY_ISSUER", issuer(ports));
        env.put("KITTY_SECURITY_AUDIENCE", AUDIENCE);
        if (service == Service.AUTH || service == Service.GATEWAY) {
            env.put("KITTY_EXCHANGE_CLIENT_SECRET", EXCHANGE_CLIENT_SECRET);
        }
        if (service == Service.GATEWAY) {
            // the gateway reads credential revocations to drop cached Basic tokens
            env.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", infrastructure.kafkaBootstrapServers());
        }
        service.database().ifPresent((database) -> {
            env.put("SPRING_DATASOURCE_URL", infrastructure.jdbcUrl().apply(database));
            env.put("SPRING_DATASOURCE_USERNAME", database);
            env.put("SPRING_DATASOURCE_PASSWORD", database);
            env.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", infrastructure.kafkaBootstrapServers());
            env.put("SPRING_MAIL_HOST", infrastructure.mailHost());
            env.put("SPRING_MAIL_PORT", String.valueOf(infrastructure.smtpPort()));
        });
        return env;
    }

    /** The stack's own variables for a service, with the config's extra ones for it applied over them. */
    static Map<String, String> of(Service service, StackConfig config, InfrastructureEndpoints infrastructure) {
        Map<String, String> env = of(service, config.ports(), infrastructure);
        env.putAll(config.serviceEnvironment(service));
        return env;
    }

    private static Map<String, String> common(Service service, StackPorts ports) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SERVER_PORT", String.valueOf(ports.port(service)));
        env.put("SERVER_ADDRESS", BIND_ADDRESS);
        // the actuator's own port: an ephemeral stack must not collide with a running one's 9080-9085
        env.put("MANAGEMENT_SERVER_PORT", String.valueOf(ports.managementPort(service)));
        env.put("MANAGEMENT_SERVER_ADDRESS", BIND_ADDRESS);
        env.put("EUREKA_CLIENT_SERVICEURL_DEFAULTZONE", eurekaServiceUrl(ports));
        env.putAll(mallocTuning(System.getenv()));
        return env;
    }

    /** The arena limit, unless whoever started the launcher chose one: theirs is inherited as it is. */
    static Map<String, String> mallocTuning(Map<String, String> launcherEnvironment) {
        return launcherEnvironment.containsKey(MALLOC_ARENA_MAX) ? Map.of() : Map.of(MALLOC_ARENA_MAX, DEFAULT_MALLOC_ARENAS);
    }

    static String eurekaServiceUrl(StackPorts ports) {
        return "http://" + BIND_ADDRESS + ":" + ports.port(Service.DISCOVERY) + "/eureka/";
    }

    /** Tokens are issued for the public address, the one clients use. */
    static String issuer(StackPorts ports) {
        return "http://localhost:" + ports.port(Service.GATEWAY);
    }


    private static String randomSecret() {
        var bytes = new byte[32];
        new java.security.SecureRandom().nextBytes(bytes);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
