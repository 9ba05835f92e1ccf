package dev.kitty.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class JavaCommandTests {

    @Test
    void runsTheServiceJarWithTheJvmOptionsFirst() {
        List<String> command = JavaCommand.of("/jdk/bin/java", List.of("-XX:+UseSerialGC", "-Xmx384m"),
                List.of("-XX:AOTCache=/d/aot/gateway.aot"), Path.of("/repo/gateway/target/gateway.jar"));

        assertThat(command).containsExactly("/jdk/bin/java", "-XX:+UseSerialGC", "-Xmx384m",
                "-XX:AOTCache=/d/aot/gateway.aot", "-jar", "/repo/gateway/target/gateway.jar");
    }

    @Test
    void usesTheJavaBinaryOfTheLauncher() {
        assertThat(Path.of(JavaCommand.currentJavaBinary())).satisfies((java) -> assertThat(Files.isExecutable(java)).isTrue());
    }

    @Test
    void usesAotCachesFromJdk25On() {
        assertThat(AotCache.supported(21)).isFalse();
        assertThat(AotCache.supported(24)).isFalse();
        assertThat(AotCache.supported(25)).isTrue();
    }

    @Test
    void findsEachServiceJarByItsModuleName() {
        assertThat(Service.AUTH.jar(Path.of("/repo"))).isEqualTo(Path.of("/repo/auth-service/target/auth-service.jar"));
        assertThat(Service.NOTIFICATION.eurekaId()).isEqualTo("NOTIFICATION-SERVICE");
    }

}
