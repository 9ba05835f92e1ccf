package dev.kitty.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogPrefixingTests {

    @TempDir
    Path logs;

    @Test
    void padsEveryNameToTheLongestServiceName() {
        LogPrefixer prefixer = LogPrefixer.forServices(false);

        assertThat(prefixer.prefix("gateway", 1, "Started")).isEqualTo("gateway              | Started");
        assertThat(prefixer.prefix("notification-service", 6, "Started"))
            .isEqualTo("notification-service | Started");
    }

    @Test
    void colorsOnlyThePrefixWhenAskedTo() {
        String line = new LogPrefixer(9, true).prefix("discovery", 0, "Started");

        assertThat(line).isEqualTo("\u001B[36mdiscovery |\u001B[0m Started");
    }

    @Test
    void givesNeighbouringServicesDifferentColors() {
        LogPrefixer prefixer = new LogPrefixer(1, true);

        assertThat(prefixer.prefix("a", 0, "")).isNotEqualTo(prefixer.prefix("a", 1, ""));
        assertThat(prefixer.prefix("a", 11, "")).isEqualTo(prefixer.prefix("a", 0, ""));
    }

    @Test
    void echoesPrefixedLinesWritesThemToTheLogFileAndKeepsTheTail() throws Exception {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        Path file = this.logs.resolve("gateway.log");
        ServiceLog log = new ServiceLog("gateway", 1, new LogPrefixer(9, false),
                new PrintStream(console, true, StandardCharsets.UTF_8), file);
        StringBuilder output = new StringBuilder();
        for (int i = 1; i <= ServiceLog.TAIL_LINES + 5; i++) {
            output.append("line ").append(i).append(i % 2 == 0 ? "\r\n" : "\n");
        }

        log.pump(new ByteArrayInputStream(output.toString().getBytes(StandardCharsets.UTF_8))).join();

        assertThat(console.toString(StandardCharsets.UTF_8)).startsWith("gateway   | line 1" + System.lineSeparator()
                + "gateway   | line 2" + System.lineSeparator());
        assertThat(Files.readAllLines(file)).hasSize(ServiceLog.TAIL_LINES + 5).startsWith("line 1", "line 2");
        assertThat(log.tail(2)).containsExactly("line " + (ServiceLog.TAIL_LINES + 4), "line " + (ServiceLog.TAIL_LINES + 5));
        assertThat(log.tail(1000)).hasSize(ServiceLog.TAIL_LINES);
    }

    @Test
    void keepsTheTailWithoutEchoing() {
        ServiceLog log = new ServiceLog("quiet", 0, new LogPrefixer(5, false), null, null);

        log.copy(new ByteArrayInputStream("one\ntwo\n".getBytes(StandardCharsets.UTF_8)));

        assertThat(log.tail(5)).containsExactly("one", "two");
    }

}
