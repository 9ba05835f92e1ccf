package dev.kitty.auth.signing;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Signing-key rotation.
 *
 * @param rotationInterval      how long one key signs before the next takes over (env {@code KITTY_AUTH_KEYS_ROTATION_INTERVAL})
 * @param rotationCheckInterval how often an instance looks whether a rotation or retirement is due
 */
@ConfigurationProperties("kitty.auth.keys")
record SigningKeyProperties(
        @DefaultValue("30d") Duration rotationInterval,
        @DefaultValue("1m") Duration rotationCheckInterval) {

    /** Far above the pre-publication lead, so a key signs for a while before its successor appears. */
    static final Duration MIN_ROTATION_INTERVAL = Duration.ofHours(1);

    SigningKeyProperties {
        if (rotationInterval.compareTo(MIN_ROTATION_INTERVAL) < 0) {
            throw new IllegalArgumentException("kitty.auth.keys.rotation-interval must be at least 1 hour, was " + rotationInterval);
        }
        if (!rotationCheckInterval.isPositive()) {
            throw new IllegalArgumentException("kitty.auth.keys.rotation-check-interval must be positive");
        }
    }
}
