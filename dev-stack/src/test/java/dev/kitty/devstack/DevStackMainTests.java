package dev.kitty.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DevStackMainTests {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private final DevStackMain main = new DevStackMain(new PrintStream(this.out, true, StandardCharsets.UTF_8),
            new PrintStream(this.err, true, StandardCharsets.UTF_8));

    @Test
    void printsUsageAndSucceedsOnHelp() {
        assertThat(this.main.run(new String[] { "--help" })).isZero();
        assertThat(this.out.toString(StandardCharsets.UTF_8)).contains("Usage:", "--bench");
    }

    @Test
    void explainsAWrongOptionWithUsageAndExitCode2() {
        assertThat(this.main.run(new String[] { "--turbo" })).isEqualTo(2);
        assertThat(this.err.toString(StandardCharsets.UTF_8)).contains("Unknown option '--turbo'", "Usage:");
    }

}
