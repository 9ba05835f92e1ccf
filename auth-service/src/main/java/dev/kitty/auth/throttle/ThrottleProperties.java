package dev.kitty.auth.throttle;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How much guessing the service tolerates before it answers 429. Each limit reads "{@code attempts}
 * within {@code window}, then blocked for {@code lockout}"; each further lockout of the same key
 * doubles, up to {@code maxLockout}. A limit left out keeps its default; a limit given must be
 * given whole (attempts, window and lockout), or the service does not start.
 *
 * @param accountFailures         failed logins, second factors and current-password checks per email address
 * @param addressFailures         failed logins per client address, whichever accounts they aim at
 * @param registrations           registration attempts per client address
 * @param passwordResetsByAddress password-reset requests per client address
 * @param passwordResetsByEmail   password-reset requests per email address, known or not (so it reveals nothing)
 * @param maxLockout              the longest a key is ever blocked at a time
 * @param maxTrackedKeys          memory bound: beyond it the least recently used counters are dropped
 */
@ConfigurationProperties("kitty.auth.throttle")
public record ThrottleProperties(
        Limit accountFailures,
        Limit addressFailures,
        Limit registrations,
        Limit passwordResetsByAddress,
        Limit passwordResetsByEmail,
        @DefaultValue("1h") Duration maxLockout,
        @DefaultValue("100000") long maxTrackedKeys) {

    @SuppressWarnings("ConstantValue") // the binder passes null for a limit that is not configured
    public ThrottleProperties {
        accountFailures = orDefault(accountFailures, new Limit(5, Duration.ofMinutes(15), Duration.ofMinutes(1)));
        addressFailures = orDefault(addressFailures, new Limit(20, Duration.ofMinutes(5), Duration.ofMinutes(5)));
        registrations = orDefault(registrations, new Limit(20, Duration.ofHours(1), Duration.ofMinutes(15)));
        passwordResetsByAddress = orDefault(passwordResetsByAddress, new Limit(10, Duration.ofMinutes(15), Duration.ofMinutes(15)));
        passwordResetsByEmail = orDefault(passwordResetsByEmail, new Limit(3, Duration.ofMinutes(15), Duration.ofMinutes(15)));
        if (!maxLockout.isPositive()) {
            throw new IllegalArgumentException("kitty.auth.throttle.max-lockout must be positive");
        }
        if (maxTrackedKeys < 1000) {
            throw new IllegalArgumentException("kitty.auth.throttle.max-tracked-keys must be at least 1000");
        }
    }

    /** The defaults, for tests that build throttles without Spring. */
    public static ThrottleProperties defaults() {
        return new ThrottleProperties(null, null, null, null, null, Duration.ofHours(1), 100_000);
    }

    private static Limit orDefault(@Nullable Limit configured, Limit fallback) {
        return configured == null ? fallback : configured;
    }

    /**
     * @param attempts how many attempts the window holds; the one that fills it starts a lockout
     * @param window   how far back attempts count
     * @param lockout  how long the first lockout lasts
     */
    public record Limit(int attempts, Duration window, Duration lockout) {

        @SuppressWarnings("ConstantValue")
        public Limit {
            if (attempts < 1 || window == null || !window.isPositive() || lockout == null || !lockout.isPositive()) {
                throw new IllegalArgumentException(
                        "a kitty.auth.throttle limit needs attempts >= 1 and a positive window and lockout, all three");
            }
        }
    }
}
