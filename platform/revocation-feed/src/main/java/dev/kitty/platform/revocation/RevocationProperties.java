package dev.kitty.platform.revocation;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The credential revocation feed.
 *
 * @param enabled   off only for tests and tools that run without Kafka; a service without it honours
 *                  revoked tokens until they expire
 * @param retention how long a revocation is remembered, and how far back the feed reads at start-up:
 *                  at least the longest access-token lifetime (auth-service caps it at 15 minutes)
 *                  plus the clock skew the resource servers tolerate (60 s)
 */
@ConfigurationProperties("kitty.security.revocation")
public record RevocationProperties(@DefaultValue("true") boolean enabled, @DefaultValue("16m") Duration retention) {

    public RevocationProperties {
        if (retention.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new IllegalArgumentException("kitty.security.revocation.retention must be at least 1m (access tokens live up to 15m)");
        }
    }
}
