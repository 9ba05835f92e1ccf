package dev.kitty.auth.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kitty.auth.throttle.ThrottleProperties.Limit;
import dev.kitty.platform.test.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** OWASP ASVS 5.0 6.3.1 (brute force) and OWASP API Top 10 2023 API4 (unrestricted resource consumption). */
class AttemptLimiterTests {

    private static final Limit FIVE_PER_15_MINUTES = new Limit(5, Duration.ofMinutes(15), Duration.ofMinutes(1));
    private static final Duration MAX_LOCKOUT = Duration.ofHours(1);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final AttemptLimiter limiter = new AttemptLimiter(FIVE_PER_15_MINUTES, MAX_LOCKOUT, 10_000, clock);

    /**
     * @param spacing   time between consecutive failures
     * @param failures  how many failures are recorded
     * @param blocked   whether the key is blocked right after the last one
     */
    static Stream<Arguments> windows() {
        return Stream.of(
                Arguments.of("4 failures in a burst", Duration.ZERO, 4, false),
                Arguments.of("5 failures in a burst", Duration.ZERO, 5, true),
                Arguments.of("5 failures 3 min apart (12 min in all)", Duration.ofMinutes(3), 5, true),
                Arguments.of("5 failures 4 min apart: the first left the 15-min window", Duration.ofMinutes(4), 5, false),
                Arguments.of("8 failures 4 min apart: never 5 within 15 min", Duration.ofMinutes(4), 8, false));
    }

    @ParameterizedTest(name = "{0} -> blocked: {3}")
    @MethodSource("windows")
    void blocksAKeyOnceItsWindowHoldsTheLimit(String description, Duration spacing, int failures, boolean blocked) {
        for (int i = 0; i < failures; i++) {
            if (i > 0) {
                clock.advance(spacing);
            }
            limiter.record("ann@example.com");
        }

        assertThat(limiter.blockedFor("ann@example.com").isPresent()).isEqualTo(blocked);
    }

    @Test
    void saysHowLongTheLockoutStillLasts() {
        fail(5);
        clock.advance(Duration.ofSeconds(20));

        assertThat(limiter.blockedFor("ann@example.com")).contains(Duration.ofSeconds(40));
        clock.advance(Duration.ofSeconds(40));
        assertThat(limiter.blockedFor("ann@example.com")).isEmpty();
    }

    @Test
    void doublesEachFurtherLockoutUpToTheCeiling() {
        var lockouts = new java.util.ArrayList<Duration>();
        for (int round = 0; round < 9; round++) {
            fail(5);
            var lockout = limiter.blockedFor("ann@example.com").orElseThrow();
            lockouts.add(lockout);
            clock.advance(lockout);
        }

        assertThat(lockouts).containsExactly(
                Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(4), Duration.ofMinutes(8), Duration.ofMinutes(16),
                Duration.ofMinutes(32), MAX_LOCKOUT, MAX_LOCKOUT, MAX_LOCKOUT);
    }

    @Test
    void forgivesEarlierLockoutsAfterAQuietPeriod() {
        fail(5);
        clock.advance(Duration.ofMinutes(1));
        fail(5);
        assertThat(limiter.blockedFor("ann@example.com")).contains(Duration.ofMinutes(2));

        clock.advance(MAX_LOCKOUT.plus(FIVE_PER_15_MINUTES.window()).plusSeconds(1));
        fail(5);

        assertThat(limiter.blockedFor("ann@example.com")).contains(Duration.ofMinutes(1));
    }

    @Test
    void keepsKeysApart() {
        fail(5);

        assertThat(limiter.blockedFor("ann@example.com")).isPresent();
        assertThat(limiter.blockedFor("bob@example.com")).isEmpty();
    }

    @Test
    void forgetsAKeyOnReset() {
        fail(4);
        limiter.reset("ann@example.com");
        fail(4);

        assertThat(limiter.blockedFor("ann@example.com")).isEmpty();
    }

    @Test
    void tryAcquireAdmitsTheLimitThenRefuses() {
        var answers = Stream.generate(() -> limiter.tryAcquire("10.0.0.1")).limit(6).map(Optional::isPresent).toList();

        assertThat(answers).containsExactly(false, false, false, false, false, true);
    }

    private void fail(int times) {
        for (int i = 0; i < times; i++) {
            limiter.record("ann@example.com");
        }
    }
}
