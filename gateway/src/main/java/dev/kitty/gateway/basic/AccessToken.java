package dev.kitty.gateway.basic;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A JWT auth-service issued for Basic credentials.
 *
 * @param value     the compact JWT relayed downstream as {@code Authorization: Bearer}
 * @param expiresIn its lifetime as auth-service announced it ({@code expires_in})
 * @param account   its subject, whose revocations drop it from the cache
 * @param issuedAt  its {@code iat}
 * @param session   its {@code sid}, if any
 */
record AccessToken(String value, Duration expiresIn, UUID account, Instant issuedAt, @Nullable String session) {

    /** Caps what a misconfigured issuer could announce; access tokens live minutes, not days. */
    private static final Duration LONGEST = Duration.ofDays(1);

    /**
     * How long the cache may hand it out: its lifetime less the margin, at most {@code maxAge} (the safety
     * net should a revocation event be missed), never negative.
     */
    Duration cacheFor(Duration safetyMargin, Duration maxAge) {
        var left = (expiresIn.compareTo(LONGEST) > 0 ? LONGEST : expiresIn).minus(safetyMargin);
        if (left.compareTo(maxAge) > 0) {
            left = maxAge;
        }
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** Never prints the token: it is a credential for its whole lifetime. */
    @Override
    public String toString() {
        return "AccessToken[value=(hidden), expiresIn=" + expiresIn + ", account=" + account + "]";
    }
}
