package dev.kitty.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceEnvironmentOverridesTests {

    private final InfrastructureEndpoints infrastructure = new InfrastructureEndpoints(
            (database) -> "jdbc:postgresql://127.0.0.1:5432/" + database, "127.0.0.1:9092", "127.0.0.1", 3025, 3143);

    private final StackConfig config = StackConfig.defaults(Path.of("/repo"));

    @Test
    void extraVariablesReachOnlyTheirServiceAndWinOverTheStacksOwn() {
        StackConfig withAdmin = this.config
            .withServiceEnvironment(Service.AUTH, Map.of("KITTY_AUTH_BOOTSTRAP_SUPER_USER_EMAIL", "root@example.com"))
            .withServiceEnvironment(Service.AUTH, Map.of("KITTY_SECURITY_AUDIENCE", "other-api"));

        assertThat(ServiceEnvironment.of(Service.AUTH, withAdmin, this.infrastructure))
            .containsEntry("KITTY_AUTH_BOOTSTRAP_SUPER_USER_EMAIL", "root@example.com")
            .containsEntry("KITTY_SECURITY_AUDIENCE", "other-api")
            .containsEntry("SERVER_PORT", "8081");
        assertThat(ServiceEnvironment.of(Service.USER, withAdmin, this.infrastructure))
            .doesNotContainKey("KITTY_AUTH_BOOTSTRAP_SUPER_USER_EMAIL")
            .containsEntry("KITTY_SECURITY_AUDIENCE", "kitty-api");
    }

    @Test
    void extraVariablesSurviveOtherChangesAndCannotBeChangedFromOutside() {
        StackConfig changed = this.config.withServiceEnvironment(Service.AUTH, Map.of("A", "1")).withReset(true).withAot(true);

        assertThat(changed.serviceEnvironment(Service.AUTH)).containsExactly(Map.entry("A", "1"));
        assertThat(changed.serviceEnvironment(Service.GATEWAY)).isEmpty();
        assertThatThrownBy(() -> changed.serviceEnvironment(Service.AUTH).put("B", "2"))
            .isInstanceOf(UnsupportedOperationException.class);
    }

}
