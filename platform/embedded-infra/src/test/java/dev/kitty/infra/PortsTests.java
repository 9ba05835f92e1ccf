package dev.kitty.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class PortsTests {

    @Test
    void requireFreeNamesTheServerAndThePortWhenThePortIsTaken() throws Exception {
        try (var taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();

            assertThatExceptionOfType(PortInUseException.class)
                    .isThrownBy(() -> Ports.requireFree("PostgreSQL", port))
                    .satisfies(e -> assertThat(e.port()).isEqualTo(port))
                    .withMessageContaining("Port " + port + " (PostgreSQL) is already in use on 127.0.0.1");
        }
    }

    @Test
    void requireFreeAcceptsAFreePort() {
        Ports.requireFree("test", Ports.freePort());
    }

    @Test
    void freePortCanBeBound() throws Exception {
        try (var socket = new ServerSocket(Ports.freePort(), 1, InetAddress.getByName("127.0.0.1"))) {
            assertThat(socket.isBound()).isTrue();
        }
    }

    @Test
    void handsOutPortsBelowTheEphemeralRangeSoNoOutgoingConnectionTakesThem() {
        for (int i = 0; i < 20; i++) {
            assertThat(Ports.freePort()).isBetween(Ports.LOW, Ports.HIGH).isLessThan(32_768);
        }
    }

    @Test
    void rejectsPortsOutsideTheTcpRange() {
        assertThatIllegalArgumentException().isThrownBy(() -> Ports.requireFree("test", 0));
        assertThatIllegalArgumentException().isThrownBy(() -> Ports.requireFree("test", 65_536));
    }

    @Test
    void neverHandsOutAPortChosenAMomentAgo() {
        // every even port of the range was chosen already: each pick must be odd
        int[] evenPorts = java.util.stream.IntStream.rangeClosed(Ports.LOW, Ports.HIGH).filter(port -> port % 2 == 0).toArray();
        for (int i = 0; i < 200; i++) {
            org.assertj.core.api.Assertions.assertThat(Ports.freePortOtherThan(evenPorts) % 2).isEqualTo(1);
        }
    }
}
