package dev.kitty.auth.throttle;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.kitty.auth.throttle.ThrottleProperties.Limit;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Counts attempts per key in a sliding window and blocks a key whose window filled up. Each
 * lockout of the same key lasts twice as long as the one before (up to a ceiling), and the
 * strikes are forgiven after a quiet period as long as the ceiling plus the window.
 *
 * <p>Kept in memory per instance (ADR "Login throttling with in-process counters"): behind N instances an attacker gets at
 * most N times the budget, which is still far from a useful guessing rate. Caffeine bounds the
 * number of keys, so spraying fresh addresses costs memory only up to that bound.
 */
final class AttemptLimiter {

    private final Limit limit;
    private final Duration maxLockout;
    private final Clock clock;
    private final Cache<String, Entry> entries;

    AttemptLimiter(Limit limit, Duration maxLockout, long maxKeys, Clock clock) {
        this.limit = limit;
        this.maxLockout = maxLockout;
        this.clock = clock;
        this.entries = Caffeine.newBuilder()
                .maximumSize(maxKeys)
                .expireAfterAccess(forgiveAfter())
                .build();
    }

    /** How much longer {@code key} stays blocked, if it is blocked now. */
    Optional<Duration> blockedFor(String key) {
        var entry = entries.getIfPresent(key);
        if (entry == null) {
            return Optional.empty();
        }
        synchronized (entry) {
            return entry.blockedFor(clock.instant());
        }
    }

    /** Counts one attempt; the one that fills the window blocks the key from now on. */
    void record(String key) {
        var now = clock.instant();
        entries.asMap().compute(key, (k, entry) -> {
            var counted = entry == null ? new Entry() : entry;
            synchronized (counted) {
                counted.record(now);
            }
            return counted;
        });
    }

    /**
     * Counts one attempt unless the key is blocked already.
     *
     * @return how long the key is blocked, when this attempt must be refused
     */
    Optional<Duration> tryAcquire(String key) {
        var blocked = blockedFor(key);
        if (blocked.isPresent()) {
            return blocked;
        }
        record(key);
        return Optional.empty();
    }

    /** Forgets the key's attempts and strikes, e.g. after the right password. */
    void reset(String key) {
        entries.invalidate(key);
    }

    private Duration forgiveAfter() {
        return maxLockout.plus(limit.window());
    }

    /** Mutable, guarded by its own monitor. */
    private final class Entry {

        private final ArrayDeque<Instant> recent = new ArrayDeque<>();
        private int strikes;
        private @Nullable Instant lockedUntil;
        private @Nullable Instant lastAttempt;

        Optional<Duration> blockedFor(Instant now) {
            return lockedUntil != null && now.isBefore(lockedUntil) ? Optional.of(Duration.between(now, lockedUntil)) : Optional.empty();
        }

        void record(Instant now) {
            if (lastAttempt != null && Duration.between(lastAttempt, now).compareTo(forgiveAfter()) > 0) {
                strikes = 0;
            }
            lastAttempt = now;
            var windowStart = now.minus(limit.window());
            while (!recent.isEmpty() && !recent.peekFirst().isAfter(windowStart)) {
                recent.pollFirst();
            }
            recent.addLast(now);
            if (recent.size() >= limit.attempts()) {
                strikes++;
                lockedUntil = now.plus(lockout(strikes));
                recent.clear();
            }
        }

        private Duration lockout(int strike) {
            var doublings = Math.min(strike - 1, 30);
            var lockout = limit.lockout().multipliedBy(1L << doublings);
            return lockout.compareTo(maxLockout) > 0 ? maxLockout : lockout;
        }
    }
}
