package dev.kitty.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceEnvironmentTests {

    private final StackPorts ports = StackPorts.defaults();

    private final InfrastructureEndpoints infrastructure = new InfrastructureEndpoints(
            (database) -> "jdbc:postgresql://127.0.0.1:5432/" + database, "127.0.0.1:9092", "127.0.0.1", 3025, 3143);

    @Test
    void pointsADomainServiceAtItsOwnDatabaseAndTheSharedInfrastructure() {
        Map<String, String> env = ServiceEnvironment.of(Service.USER, this.ports, this.infrastructure);

        assertThat(env).containsEntry("SERVER_PORT", "8082")
            .containsEntry("SERVER_ADDRESS", "127.0.0.1")
            .containsEntry("MANAGEMENT_SERVER_PORT", "9082")
            .containsEntry("MANAGEMENT_SERVER_ADDRESS", "127.0.0.1")
            .containsEntry("SPRING_DATASOURCE_URL", "jdbc:postgresql://127.0.0.1:5432/kitty_user")
            .containsEntry("SPRING_DATASOURCE_USERNAME", "kitty_user")
            .containsEntry("SPRING_DATASOURCE_PASSWORD", "kitty_user")
            .containsEntry("SPRING_KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092")
            .containsEntry("SPRING_MAIL_HOST", "127.0.0.1")
            .containsEntry("SPRING_MAIL_PORT", "3025")
            .containsEntry("EUREKA_CLIENT_SERVICEURL_DEFAULTZONE", "http://127.0.0.1:8761/eureka/")
            .containsEntry("EUREKA_INSTANCE_PREFER_IP_ADDRESS", "true")
            .containsEntry("EUREKA_INSTANCE_IP_ADDRESS", "127.0.0.1")
            .containsEntry("KITTY_SECURITY_ISSUER", "http://localhost:8080")
            .containsEntry("KITTY_SECURITY_AUDIENCE", "kitty-api");
    }

    @Test
    void givesEachServiceItsOwnDatabase() {
        for (Service service : Service.values()) {
            Map<String, String> env = ServiceEnvironment.of(service, this.ports, this.infrastructure);
            service.database()
                .ifPresentOrElse((database) -> assertThat(env.get("SPRING_DATASOURCE_USERNAME")).isEqualTo(database),
                        () -> assertThat(env).doesNotContainKey("SPRING_DATASOURCE_URL"));
        }
    }

    @Test
    void givesTheGatewayEurekaAndKafkaForRevocationsButNoDatabase() {
        Map<String, String> env = ServiceEnvironment.of(Service.GATEWAY, this.ports, this.infrastructure);

        assertThat(env).containsEntry("SERVER_PORT", "8080")
            .containsEntry("EUREKA_CLIENT_SERVICEURL_DEFAULTZONE", "http://127.0.0.1:8761/eureka/")
            .containsEntry("SPRING_KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092")
            .doesNotContainKeys("SPRING_DATASOURCE_URL");
    }

    /** Issue 6: only the gateway and auth-service share the exchange's client secret, and it is not a constant. */
    @Test
    void sharesARandomExchangeClientSecretBetweenTheGatewayAndAuthServiceOnly() {
        var gateway = ServiceEnvironment.of(Service.GATEWAY, this.ports, this.infrastructure).get("KITTY_EXCHANGE_CLIENT_SECRET");
        var auth = ServiceEnvironment.of(Service.AUTH, this.ports, this.infrastructure).get("KITTY_EXCHANGE_CLIENT_SECRET");

        assertThat(gateway).isEqualTo(auth).hasSizeGreaterThanOrEqualTo(32);
        assertThat(ServiceEnvironment.of(Service.USER, this.ports, this.infrastructure)).doesNotContainKey("KITTY_EXCHANGE_CLIENT_SECRET");
    }

    @Test
    void givesEveryServiceItsOwnManagementPortFromThePorts() {
        StackPorts free = StackPorts.free();
        for (Service service : Service.values()) {
            Map<String, String> env = ServiceEnvironment.of(service, free, this.infrastructure);

            assertThat(env).containsEntry("MANAGEMENT_SERVER_PORT", String.valueOf(free.managementPort(service)))
                .containsEntry("MANAGEMENT_SERVER_ADDRESS", "127.0.0.1");
            assertThat(free.managementPort(service)).isNotEqualTo(free.port(service));
        }
    }

    @Test
    void discoveryNeedsOnlyItsPortAndItsOwnUrl() {
        Map<String, String> env = ServiceEnvironment.of(Service.DISCOVERY, this.ports, this.infrastructure);

        assertThat(env).containsEntry("SERVER_PORT", "8761")
            .containsEntry("EUREKA_CLIENT_SERVICEURL_DEFAULTZONE", "http://127.0.0.1:8761/eureka/")
            .doesNotContainKeys("SPRING_DATASOURCE_URL", "KITTY_SECURITY_ISSUER");
    }

    @Test
    void limitsTheMallocArenasOfEveryServiceUnlessTheLauncherWasGivenALimit() {
        assertThat(ServiceEnvironment.mallocTuning(Map.of("PATH", "/usr/bin"))).containsExactly(Map.entry("MALLOC_ARENA_MAX", "2"));
        assertThat(ServiceEnvironment.mallocTuning(Map.of("MALLOC_ARENA_MAX", "4"))).isEmpty();
    }

    @Test
    void everyServiceGetsTheArenaLimitWithItsOwnVariables() {
        for (Service service : Service.values()) {
            Map<String, String> env = ServiceEnvironment.of(service, this.ports, this.infrastructure);

            if (System.getenv("MALLOC_ARENA_MAX") == null) {
                assertThat(env).as(service.moduleName()).containsEntry("MALLOC_ARENA_MAX", "2");
            }
            else {
                assertThat(env).as(service.moduleName()).doesNotContainKey("MALLOC_ARENA_MAX");
            }
        }
    }

}
