package dev.kitty.auth.throttle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kitty.platform.test.MutableClock;
import dev.kitty.platform.web.DomainException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** OWASP ASVS 5.0 6.3.1 (brute force, per account and per address), 6.3.8 (no enumeration through lockouts). */
class LoginThrottleTests {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final LoginThrottle throttle = new LoginThrottle(ThrottleProperties.defaults(), clock);

    @Test
    void locksAnAccountOutAfterFiveFailuresFromAnywhereWith429AndRetryAfter() {
        for (int i = 0; i < 5; i++) {
            throttle.recordFailure("ann@example.com", "10.0.0." + i);
        }

        assertThatThrownBy(() -> throttle.check("ann@example.com", "10.9.9.9"))
                .isInstanceOfSatisfying(DomainException.Throttled.class,
                        problem -> assertThat(problem.retryAfter()).isEqualTo(Duration.ofSeconds(60)));
    }

    @Test
    void countsAnAddressTypedDifferentlyAsTheSameAccount() {
        for (int i = 0; i < 5; i++) {
            throttle.recordFailure(i % 2 == 0 ? " Ann@Example.com" : "ann@example.com", "10.0.0." + i);
        }

        assertThatThrownBy(() -> throttle.check("ANN@example.com ", "10.9.9.9")).isInstanceOf(DomainException.Throttled.class);
    }

    @Test
    void locksAClientAddressOutAfterTwentyFailuresAcrossAccounts() {
        for (int i = 0; i < 20; i++) {
            throttle.recordFailure("user" + i + "@example.com", "10.0.0.1");
        }

        assertThatThrownBy(() -> throttle.check("someone-else@example.com", "10.0.0.1"))
                .isInstanceOfSatisfying(DomainException.Throttled.class,
                        problem -> assertThat(problem.retryAfter()).isEqualTo(Duration.ofSeconds(300)));
        assertThatCode(() -> throttle.check("someone-else@example.com", "10.0.0.2")).doesNotThrowAnyException();
    }

    @Test
    void aSuccessClearsTheAccountButNotTheAddress() {
        for (int i = 0; i < 4; i++) {
            throttle.recordFailure("ann@example.com", "10.0.0.1");
        }
        for (int i = 0; i < 15; i++) {
            throttle.recordFailure("victim" + i + "@example.com", "10.0.0.1");
        }
        throttle.recordSuccess("ann@example.com", "10.0.0.1");

        throttle.recordFailure("ann@example.com", "10.0.0.2");
        assertThatCode(() -> throttle.check("ann@example.com", "10.0.0.2")).as("account count restarted").doesNotThrowAnyException();
        throttle.recordFailure("victim@example.com", "10.0.0.1");
        assertThatThrownBy(() -> throttle.check("anyone@example.com", "10.0.0.1")).as("address count kept").isInstanceOf(DomainException.Throttled.class);
    }

    @Test
    void liftsTheLockoutWhenItEnds() {
        for (int i = 0; i < 5; i++) {
            throttle.recordFailure("ann@example.com", "10.0.0.1");
        }
        clock.advance(Duration.ofMinutes(1));

        assertThatCode(() -> throttle.check("ann@example.com", "10.0.0.1")).doesNotThrowAnyException();
    }

    @Test
    void throttlesRegistrationsAndResetRequestsPerAddressAndPerEmail() {
        var requests = new RequestThrottle(ThrottleProperties.defaults(), clock);
        for (int i = 0; i < 20; i++) {
            requests.registration("10.0.0.1");
        }
        for (int i = 0; i < 3; i++) {
            requests.passwordResetRequest("ann@example.com", "10.0.1." + i);
        }

        assertThatThrownBy(() -> requests.registration("10.0.0.1")).isInstanceOf(DomainException.Throttled.class);
        assertThatThrownBy(() -> requests.passwordResetRequest("ann@example.com", "10.0.2.1")).isInstanceOf(DomainException.Throttled.class);
        assertThatCode(() -> requests.passwordResetRequest("bob@example.com", "10.0.2.1")).doesNotThrowAnyException();
    }
}
