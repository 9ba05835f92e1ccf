package dev.kitty.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.kitty.infra.PortInUseException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PortConflictTests {

    @TempDir
    Path repoRoot;

    @BeforeEach
    void buildFakeJars() throws IOException {
        for (Service service : Service.values()) {
            Files.createDirectories(service.jar(this.repoRoot).getParent());
            Files.writeString(service.jar(this.repoRoot), "not really a jar");
        }
    }

    @Test
    void refusesToStartAnythingWhenAPortIsTaken() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            StackConfig config = StackConfig.ephemeral(this.repoRoot).withPorts(withGatewayOn(taken.getLocalPort()));

            assertThatExceptionOfType(PortInUseException.class).isThrownBy(() -> DevStack.start(config))
                .satisfies((ex) -> assertThat(ex.port()).isEqualTo(taken.getLocalPort()))
                .withMessageContaining(String.valueOf(taken.getLocalPort()))
                .withMessageContaining("gateway");
            assertThat(config.dataDirectory()).doesNotExist();
        }
    }

    /** Outside the range the OS hands out for port 0 and outgoing connections, so nothing takes them by chance. */
    @Test
    void picksDistinctFreePortsBelowTheEphemeralRange() {
        StackPorts free = StackPorts.free();

        var all = new java.util.ArrayList<Integer>(List.of(free.postgres(), free.kafka(), free.smtp(), free.imap()));
        all.addAll(free.services().values());
        all.addAll(free.management().values());
        assertThat(all).doesNotHaveDuplicates().allSatisfy(port -> assertThat(port).isBetween(StackPorts.LOW, StackPorts.HIGH));
    }

    @Test
    void refusesTheSamePortForTwoProcesses() {
        StackPorts free = StackPorts.free();
        StackPorts clashing = new StackPorts(free.port(Service.GATEWAY), free.kafka(), free.smtp(), free.imap(),
                free.services(), free.management());

        assertThatIllegalArgumentException()
            .isThrownBy(() -> DevStack.start(StackConfig.ephemeral(this.repoRoot).withPorts(clashing)))
            .withMessageContaining(String.valueOf(free.port(Service.GATEWAY)))
            .withMessageContaining("PostgreSQL")
            .withMessageContaining("gateway");
    }

    @Test
    void refusesAManagementPortThatIsAlreadyAnotherProcesssPort() {
        StackPorts free = StackPorts.free();
        Map<Service, Integer> management = new EnumMap<>(free.management());
        management.put(Service.USER, free.kafka());

        assertThatIllegalArgumentException()
            .isThrownBy(() -> DevStack.start(StackConfig.ephemeral(this.repoRoot).withPorts(new StackPorts(free.postgres(),
                    free.kafka(), free.smtp(), free.imap(), free.services(), management))))
            .withMessageContaining(String.valueOf(free.kafka()))
            .withMessageContaining("user-service (management)");
    }

    @Test
    void asksToBuildFirstWhenAJarIsMissing() throws IOException {
        Files.delete(Service.BUDGET.jar(this.repoRoot));

        assertThatExceptionOfType(StackStartException.class)
            .isThrownBy(() -> DevStack.start(StackConfig.ephemeral(this.repoRoot)))
            .withMessageContaining("budget-service/target/budget-service.jar")
            .withMessageContaining("./mvnw -DskipTests package");
    }

    private static StackPorts withGatewayOn(int port) {
        StackPorts free = StackPorts.free();
        Map<Service, Integer> services = new EnumMap<>(free.services());
        services.put(Service.GATEWAY, port);
        return new StackPorts(free.postgres(), free.kafka(), free.smtp(), free.imap(), services, free.management());
    }

}
