package dev.kitty.auth.throttle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class ThrottlePropertiesTests {

    @Test
    void defaultsEveryLimitThatIsNotConfigured() {
        var properties = bind(Map.of("kitty.auth.throttle.address-failures.attempts", "50",
                "kitty.auth.throttle.address-failures.window", "10m", "kitty.auth.throttle.address-failures.lockout", "2m"));

        assertThat(properties.accountFailures()).isEqualTo(new ThrottleProperties.Limit(5, Duration.ofMinutes(15), Duration.ofMinutes(1)));
        assertThat(properties.addressFailures()).isEqualTo(new ThrottleProperties.Limit(50, Duration.ofMinutes(10), Duration.ofMinutes(2)));
        assertThat(properties.maxLockout()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void refusesToStartWithHalfALimit() {
        assertThatThrownBy(() -> bind(Map.of("kitty.auth.throttle.account-failures.attempts", "3")))
                .hasRootCauseInstanceOf(IllegalArgumentException.class)
                .rootCause().hasMessageContaining("all three");
    }

    private static ThrottleProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("kitty.auth.throttle", ThrottleProperties.class);
    }
}
