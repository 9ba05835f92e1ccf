package dev.kitty.auth.password;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param ttl how long a reset link works; short, because whoever reads the mail can take over the account */
@ConfigurationProperties("kitty.auth.password-reset")
record PasswordResetProperties(@DefaultValue("1h") Duration ttl) {

    static final Duration MAX_TTL = Duration.ofHours(24);

    PasswordResetProperties {
        if (!ttl.isPositive() || ttl.compareTo(MAX_TTL) > 0) {
            throw new IllegalArgumentException("kitty.auth.password-reset.ttl must be positive and at most 24h, was " + ttl);
        }
    }
}
