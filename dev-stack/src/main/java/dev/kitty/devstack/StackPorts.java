package dev.kitty.devstack;

import dev.kitty.infra.Ports;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Every TCP port the stack listens on: the infrastructure's, each service's public port and each service's
 * management port (the actuator: metrics and the rest, for operators; the public port serves only health).
 */
public record StackPorts(int postgres, int kafka, int smtp, int imap, Map<Service, Integer> services,
        Map<Service, Integer> management) {

    public StackPorts {
        services = Map.copyOf(services);
        management = Map.copyOf(management);
        for (Service service : Service.values()) {
            if (!services.containsKey(service)) {
                throw new IllegalArgumentException("No port for " + service.moduleName());
            }
            if (!management.containsKey(service)) {
                throw new IllegalArgumentException("No management port for " + service.moduleName());
            }
        }
    }

    /** The well-known ports of a developer's machine: 5432, 9092, 3025, 3143, 8761, 8080, 8081...; management 9761, 9080, 9081... */
    public static StackPorts defaults() {
        Map<Service, Integer> services = new EnumMap<>(Service.class);
        Map<Service, Integer> management = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            services.put(service, service.defaultPort());
            management.put(service, service.defaultManagementPort());
        }
        return new StackPorts(5432, 9092, 3025, 3143, services, management);
    }

    /**
     * Ports free right now, all distinct, chosen below the operating system's ephemeral range (Linux: 32768 and up).
     * A port the OS hands out for port 0 or an outgoing connection can be taken again by another process in the
     * seconds before a service binds it (it happened under load: "Port 41065 was already in use"); a port from
     * {@value #LOW} to {@value #HIGH} is only ever taken by someone who asks for it by number.
     */
    public static StackPorts free() {
        Set<Integer> taken = new HashSet<>();
        Map<Service, Integer> services = new EnumMap<>(Service.class);
        Map<Service, Integer> management = new EnumMap<>(Service.class);
        int postgres = distinctFreePort(taken);
        int kafka = distinctFreePort(taken);
        int smtp = distinctFreePort(taken);
        int imap = distinctFreePort(taken);
        for (Service service : Service.values()) {
            services.put(service, distinctFreePort(taken));
            management.put(service, distinctFreePort(taken));
        }
        return new StackPorts(postgres, kafka, smtp, imap, services, management);
    }

    public int port(Service service) {
        return this.services.get(service);
    }

    public int managementPort(Service service) {
        return this.management.get(service);
    }

    /** What listens where, for the up-front check and for error messages. */
    public Map<String, Integer> describe(Iterable<Service> selected) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("PostgreSQL", this.postgres);
        ports.put("Kafka", this.kafka);
        ports.put("SMTP", this.smtp);
        ports.put("IMAP", this.imap);
        for (Service service : selected) {
            ports.put(service.moduleName(), port(service));
            ports.put(service.moduleName() + " (management)", managementPort(service));
        }
        return ports;
    }

    static final int LOW = Ports.LOW;

    static final int HIGH = Ports.HIGH;

    private static int distinctFreePort(Set<Integer> taken) {
        for (int attempt = 0; attempt < 50; attempt++) {
            int port = Ports.freePort();
            if (taken.add(port)) {
                return port;
            }
        }
        throw new IllegalStateException("Could not find enough distinct free ports");
    }

}
