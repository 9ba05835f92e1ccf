package dev.kitty.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class StackConfigTests {

    private static final List<String> OPTIONS = List.of("-XX:+UseSerialGC", "-Xmx384m");

    @Test
    void trimsTheNativeHeapOnEveryJdkThatKnowsHow() {
        assertThat(StackConfig.withNativeHeapTrimming(Runtime.Version.parse("23"), OPTIONS))
            .containsExactly("-XX:+UseSerialGC", "-Xmx384m", "-XX:TrimNativeHeapInterval=60000");
        assertThat(StackConfig.withNativeHeapTrimming(Runtime.Version.parse("25.0.3+9-LTS"), OPTIONS))
            .containsExactly("-XX:+UseSerialGC", "-Xmx384m", "-XX:TrimNativeHeapInterval=60000");
    }

    /** 21.0.1 to 21.0.3 and 22 have the switch as an experimental one, and refuse it unless unlocked. */
    @Test
    void unlocksTheSwitchWhereItWasStillExperimental() {
        for (String jdk : List.of("21.0.1", "21.0.9+10-LTS", "22.0.2")) {
            assertThat(StackConfig.withNativeHeapTrimming(Runtime.Version.parse(jdk), OPTIONS)).as(jdk)
                .containsExactly("-XX:+UseSerialGC", "-Xmx384m", "-XX:+UnlockExperimentalVMOptions",
                        "-XX:TrimNativeHeapInterval=60000");
        }
    }

    @Test
    void leavesTheOptionOutOnTheFirstJdk21WhichWouldRefuseToStart() {
        assertThat(StackConfig.withNativeHeapTrimming(Runtime.Version.parse("21+35"), OPTIONS)).isEqualTo(OPTIONS);
    }

    /** A misspelt option would only show when the stack fails to start; the JDK running the tests is the services'. */
    @Test
    void theJdkRunningTheLauncherAcceptsEveryDefaultOption() throws IOException, InterruptedException {
        for (List<String> options : List.of(StackConfig.FAST_START_JVM_OPTIONS, StackConfig.FULL_JIT_JVM_OPTIONS)) {
            List<String> command = new ArrayList<>();
            command.add(JavaCommand.currentJavaBinary());
            command.addAll(options);
            command.add("-version");
            Process java = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(java.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(java.waitFor(30, TimeUnit.SECONDS)).isTrue();

            assertThat(java.exitValue()).as(output).isZero();
            assertThat(output).as("no option ignored with a warning").doesNotContainIgnoringCase("warning");
        }
    }

}
