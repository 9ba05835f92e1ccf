package dev.kitty.gateway.basic;

import java.time.Duration;

/**
 * A JWT auth-service issued for Basic credentials.
 *
 * @param value     the compact JWT relayed downstream as {@code Authorization: Bearer}
 * @param expiresIn its lifetime as auth-service announced it ({@code expires_in})
 */
record AccessToken(String value, Duration expiresIn) {

    /** Caps what a misconfigured issuer could announce; access tokens live minutes, not days. */
    private static final Duration LONGEST = Duration.ofDays(1);

    /** How long the cache may hand it out: its lifetime less the margin, never negative. */
    Duration cacheFor(Duration safetyMargin) {
        var left = (expiresIn.compareTo(LONGEST) > 0 ? LONGEST : expiresIn).minus(safetyMargin);
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** Never prints the token: it is a credential for its whole lifetime. */
    @Override
    public String toString() {
        return "AccessToken[value=(hidden), expiresIn=" + expiresIn + "]";
    }
}
