package dev.kitty.user.deletion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class DeletionApprovalPropertiesTests {

    @Test
    void defaultsToAuthServiceThroughDiscoveryWithinThreeSeconds() {
        var defaults = new Binder(new MapConfigurationPropertySource())
                .bindOrCreate("kitty.user.deletion-approval", DeletionApprovalProperties.class);

        assertThat(defaults.uri()).isEqualTo(URI.create("http://auth-service/api/auth/internal/account-deletion-approvals"));
        assertThat(defaults.timeout()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void refusesANonHttpUriAndANonPositiveTimeout() {
        assertThatIllegalArgumentException().isThrownBy(() -> new DeletionApprovalProperties(URI.create("lb://auth-service/x"), Duration.ofSeconds(3)));
        assertThatIllegalArgumentException().isThrownBy(() -> new DeletionApprovalProperties(URI.create("http://auth-service/x"), Duration.ZERO));
    }
}
