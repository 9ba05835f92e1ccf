package dev.kitty.notification.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OutboxPropertiesTests {

    private final OutboxProperties defaults = new OutboxProperties(Duration.ofSeconds(1), 50, Duration.ofSeconds(2), Duration.ofMinutes(5), 12, Duration.ofDays(14));

    @ParameterizedTest(name = "after attempt {0}: {1}")
    @CsvSource({"1, PT2S", "2, PT4S", "3, PT8S", "7, PT2M8S", "8, PT4M16S", "9, PT5M", "40, PT5M", "1000, PT5M"})
    void backsOffExponentiallyUpToTheCap(int attempts, Duration expected) {
        assertThat(defaults.backoffAfter(attempts)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} {1} {2} {3} {4} {5}")
    @CsvSource({"PT0S, 1, PT2S, PT5M, 1, P1D", "PT1S, 0, PT2S, PT5M, 1, P1D", "PT1S, 1, PT0S, PT5M, 1, P1D", "PT1S, 1, PT2S, PT1S, 1, P1D",
            "PT1S, 1, PT2S, PT5M, 0, P1D", "PT1S, 1, PT2S, PT5M, 1, PT0S"})
    void refusesSettingsThatCannotWork(Duration interval, int batch, Duration initial, Duration max, int attempts, Duration retention) {
        assertThatThrownBy(() -> new OutboxProperties(interval, batch, initial, max, attempts, retention))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
