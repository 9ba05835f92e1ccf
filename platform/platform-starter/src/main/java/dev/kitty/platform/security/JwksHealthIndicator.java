package dev.kitty.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Part of readiness: a service can check access tokens only once it can fetch auth-service's keys, so it is not
 * ready before. Fetches through the same load-balanced path as the decoder; a success is kept for
 * {@link #KEEP_SUCCESS} so that frequent probes do not each fetch the key set, a failure is never kept.
 */
class JwksHealthIndicator implements HealthIndicator {

    static final Duration KEEP_SUCCESS = Duration.ofSeconds(5);

    private static final Logger log = LoggerFactory.getLogger(JwksHealthIndicator.class);

    private final JwkSetClient jwks;
    private final Clock clock;
    private volatile @Nullable Health lastUp;
    private volatile Instant lastUpAt = Instant.MIN;
    private volatile boolean down;

    JwksHealthIndicator(JwkSetClient jwks, Clock clock) {
        this.jwks = jwks;
        this.clock = clock;
    }

    @Override
    public Health health() {
        var now = clock.instant();
        var cached = lastUp;
        if (cached != null && now.isBefore(lastUpAt.plus(KEEP_SUCCESS))) {
            return cached;
        }
        try {
            var keys = jwks.fetch().getKeys().size();
            if (keys == 0) {
                return down(Health.down().withDetail("reason", "the key set is empty"), "the key set is empty");
            }
            var up = Health.up().withDetail("keys", keys).build();
            lastUp = up;
            lastUpAt = now;
            if (down) {
                log.info("The JWKS at {} can be fetched again", jwks.uri());
                down = false;
            }
            return up;
        } catch (Exception ex) {
            return down(Health.down(ex), ex.toString());
        }
    }

    private Health down(Health.Builder health, String reason) {
        lastUp = null;
        if (!down) {
            // once per outage: readiness is probed every few seconds
            log.warn("Not ready: cannot fetch the JWKS at {}: {}", jwks.uri(), reason);
            down = true;
        }
        return health.withDetail("jwkSetUri", jwks.uri().toString()).build();
    }
}
