package dev.kitty.gateway.basic;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * HTTP Basic to JWT exchange at the gateway.
 *
 * @param enabled         when off, Basic credentials are refused with 401 at the edge (still never forwarded)
 * @param cacheSize       most exchanged tokens kept at once; the least used go first
 * @param safetyMargin    a cached token is dropped this long before it expires, so a token relayed
 *                        downstream still has time left when the service checks it
 * @param exchangeTimeout longest wait for auth-service's answer (also the circuit breaker's time limit)
 * @param exchangeUri     auth-service's exchange endpoint; the host is a service id resolved by the load balancer
 * @param publicPaths     paths that need no authentication (path patterns): Basic credentials sent to them
 *                        are removed and never exchanged, so logging in or registering never costs an exchange
 * @param realm           the realm announced in {@code WWW-Authenticate: Basic}
 * @param maxAge          longest time a token is served from the cache, however long it lives: revocations
 *                        evict at once (identity events), this bounds the damage should one be missed
 * @param exchangeClientId     the gateway's client id at auth-service's exchange
 * @param exchangeClientSecret the gateway's client secret there (env {@code KITTY_EXCHANGE_CLIENT_SECRET}); without
 *                        it auth-service refuses every exchange
 */
@ConfigurationProperties("kitty.gateway.basic")
public record BasicAuthProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("10000") int cacheSize,
        @DefaultValue("30s") Duration safetyMargin,
        @DefaultValue("3s") Duration exchangeTimeout,
        @DefaultValue("http://auth-service/api/auth/exchange") URI exchangeUri,
        @DefaultValue({"/api/auth/exchange", "/api/auth/register", "/api/auth/login", "/api/auth/refresh",
                "/api/auth/verify-email", "/api/auth/password/forgot", "/api/auth/password/reset",
                "/oauth2/jwks", "/.well-known/**", "/actuator/health", "/actuator/health/**"})
        List<String> publicPaths,
        @DefaultValue("kitty") String realm,
        @DefaultValue("60s") Duration maxAge,
        @DefaultValue("gateway") String exchangeClientId,
        @Nullable String exchangeClientSecret) {

    public BasicAuthProperties {
        if (cacheSize < 1) {
            throw new IllegalArgumentException("kitty.gateway.basic.cache-size must be at least 1");
        }
        if (safetyMargin.isNegative()) {
            throw new IllegalArgumentException("kitty.gateway.basic.safety-margin must not be negative");
        }
        if (exchangeTimeout.isNegative() || exchangeTimeout.isZero()) {
            throw new IllegalArgumentException("kitty.gateway.basic.exchange-timeout must be positive");
        }
        if (realm.isBlank() || realm.contains("\"") || realm.contains("\\")) {
            throw new IllegalArgumentException("kitty.gateway.basic.realm must be a plain, non-blank name");
        }
        if (maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("kitty.gateway.basic.max-age must be positive");
        }
        if (exchangeClientSecret != null && exchangeClientSecret.isBlank()) {
            exchangeClientSecret = null;
        }
        publicPaths = List.copyOf(publicPaths);
    }
}
