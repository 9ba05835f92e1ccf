package dev.kitty.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LauncherArgumentsTests {

    private static final Path REPO = Path.of("/repo");

    @Test
    void startsEverythingWithDefaultsWhenGivenNoArguments() {
        LauncherArguments arguments = LauncherArguments.parse();

        assertThat(arguments).isEqualTo(new LauncherArguments(false, null, false, false, false,
                List.of(Service.values()), false, false, List.of()));
        StackConfig config = arguments.toConfig(REPO);
        assertThat(config.dataDirectory()).isEqualTo(Path.of("/repo/.kitty"));
        assertThat(config.ports()).isEqualTo(StackPorts.defaults());
        assertThat(config.jvmOptions()).isEqualTo(StackConfig.FAST_START_JVM_OPTIONS);
        assertThat(config.temporaryData()).isFalse();
    }

    @Test
    void fullJitKeepsTheHeapsButDropsTheC1OnlyLimit() {
        StackConfig config = LauncherArguments.parse("--full-jit").toConfig(REPO);

        assertThat(config.jvmOptions()).isEqualTo(StackConfig.FULL_JIT_JVM_OPTIONS)
                .contains("-Xmx384m", "-XX:+UseSerialGC")
                .noneMatch(option -> option.startsWith("-XX:TieredStopAtLevel"));
    }

    @Test
    void appendsExtraJvmOptionsAfterTheLaunchersOwnSoThatTheyWin() {
        StackConfig config = LauncherArguments.parse("--full-jit", "--jvm-option", "-Xms384m", "--jvm-option=-XX:+AlwaysPreTouch",
                "--jvm-option=-Xmx512m").toConfig(REPO);

        assertThat(config.jvmOptions()).startsWith(StackConfig.FULL_JIT_JVM_OPTIONS.toArray(String[]::new))
                .endsWith("-Xms384m", "-XX:+AlwaysPreTouch", "-Xmx512m");
    }

    @Test
    void refusesAJvmOptionThatIsNotOne() {
        assertThatIllegalArgumentException().isThrownBy(() -> LauncherArguments.parse("--jvm-option", "Xms384m"))
                .withMessageContaining("-Xms384m");
        assertThatIllegalArgumentException().isThrownBy(() -> LauncherArguments.parse("--jvm-option"))
                .withMessageContaining("needs a value");
    }

    @Test
    void readsEveryFlag() {
        LauncherArguments arguments = LauncherArguments.parse("--reset", "--aot", "--bench", "--data-dir", "/tmp/k");

        assertThat(arguments.reset()).isTrue();
        assertThat(arguments.aot()).isTrue();
        assertThat(arguments.bench()).isTrue();
        assertThat(arguments.dataDirectory()).isEqualTo(Path.of("/tmp/k"));
        StackConfig config = arguments.toConfig(REPO);
        assertThat(config.reset()).isTrue();
        assertThat(config.aot()).isTrue();
        assertThat(config.dataDirectory()).isEqualTo(Path.of("/tmp/k"));
        assertThat(config.aotDirectory()).isEqualTo(Path.of("/tmp/k/aot"));
    }

    @Test
    void acceptsOptionValuesAfterAnEqualsSign() {
        assertThat(LauncherArguments.parse("--data-dir=/data").dataDirectory()).isEqualTo(Path.of("/data"));
    }

    @Test
    void ephemeralStacksUseFreePortsAndATemporaryDirectory() {
        StackConfig config = LauncherArguments.parse("--ephemeral").toConfig(REPO);

        assertThat(config.temporaryData()).isTrue();
        assertThat(config.dataDirectory().startsWith(Path.of(System.getProperty("java.io.tmpdir")))).isTrue();
        assertThat(config.ports().port(Service.GATEWAY)).isNotEqualTo(8080);
        assertThat(config.aotDirectory()).isEqualTo(Path.of("/repo/.kitty/aot-ephemeral"));
    }

    @Test
    void alwaysStartsDiscoveryWithASubsetOfServices() {
        LauncherArguments arguments = LauncherArguments.parse("--services", "gateway,auth-service");

        assertThat(arguments.services()).containsExactly(Service.DISCOVERY, Service.GATEWAY, Service.AUTH);
    }

    @Test
    void asksForHelp() {
        assertThat(LauncherArguments.parse("--help").help()).isTrue();
        assertThat(LauncherArguments.parse("-h").help()).isTrue();
        assertThat(LauncherArguments.USAGE).contains("--reset", "--data-dir", "--aot", "--bench", "--ephemeral");
    }

    @ParameterizedTest
    @ValueSource(strings = { "--rest", "--data-dir", "--data-dir --aot", "--services", "--services nope", "reset" })
    void rejectsMalformedCommandLines(String commandLine) {
        assertThatIllegalArgumentException().isThrownBy(() -> LauncherArguments.parse(commandLine.split(" ")));
    }

}
