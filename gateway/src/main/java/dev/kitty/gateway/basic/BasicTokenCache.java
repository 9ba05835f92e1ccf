package dev.kitty.gateway.basic;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.kitty.gateway.basic.AuthorizationHeader.BasicCredentials;
import dev.kitty.gateway.basic.CredentialKeys.CredentialKey;
import dev.kitty.gateway.basic.ExchangeOutcome.Issued;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import dev.kitty.identity.events.CredentialsRevoked;
import dev.kitty.platform.revocation.RevokedCredentials;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Access tokens exchanged for Basic credentials, keyed by {@link CredentialKey}.
 *
 * <p>An {@link AsyncCache} holds the <em>pending</em> exchange as well as its outcome: fifty
 * requests arriving together with new credentials share one call to auth-service instead of
 * making fifty. Only an issued token stays: any other outcome is answered to the requests that
 * waited for it and then dropped, so failures are never cached. A token's entry expires
 * {@code safety-margin} before the token does, and after {@code max-age} at the latest.
 *
 * <p>When an account's credentials are revoked (identity events: a PAT revoked, a password changed
 * or reset, the account locked or deleted, its roles changed) every entry of that account goes at
 * once, and a token the revocation covers is never served again, even one whose exchange was under
 * way when the revocation arrived.
 */
@Component
class BasicTokenCache {

    static final String CACHE_NAME = "kitty.gateway.basic.tokens";

    private static final Logger log = LoggerFactory.getLogger(BasicTokenCache.class);

    private final AsyncCache<CredentialKey, ExchangeOutcome> outcomes;
    private final TokenExchange exchange;
    private final Counter hits;
    private final Counter misses;
    private final Counter coalesced;
    private final Counter invalidations;
    private final Counter revocations;
    private final ObjectProvider<RevokedCredentials> revoked;

    /** @param ticker the cache's time source, the system's unless a test supplies one */
    BasicTokenCache(BasicAuthProperties properties, TokenExchange exchange, MeterRegistry registry,
            ObjectProvider<RevokedCredentials> revoked, ObjectProvider<Ticker> ticker) {
        this.exchange = exchange;
        this.revoked = revoked;
        this.outcomes = CaffeineCacheMetrics.monitor(registry, Caffeine.newBuilder()
                .ticker(ticker.getIfAvailable(Ticker::systemTicker))
                .maximumSize(properties.cacheSize())
                .expireAfter(new UntilShortlyBeforeExpiry(properties.safetyMargin(), properties.maxAge()))
                .recordStats()
                .<CredentialKey, ExchangeOutcome>buildAsync(), CACHE_NAME);
        this.hits = lookups(registry, "hit");
        this.misses = lookups(registry, "miss");
        this.coalesced = lookups(registry, "coalesced");
        this.invalidations = Counter.builder("kitty.gateway.basic.invalidations")
                .description("Cached Basic tokens dropped because a service answered 401 to them")
                .register(registry);
        this.revocations = Counter.builder("kitty.gateway.basic.revocations")
                .description("Cached Basic tokens dropped because their account's credentials were revoked")
                .register(registry);
    }

    private static Counter lookups(MeterRegistry registry, String result) {
        return Counter.builder("kitty.gateway.basic.lookups")
                .description("Token cache look-ups for HTTP Basic credentials: hit (cached), miss (exchange started),"
                        + " coalesced (joined an exchange already under way)")
                .tag("result", result)
                .register(registry);
    }

    /**
     * The cached or pending outcome for these credentials; starts an exchange when there is neither.
     *
     * @param clientAddress the address of the caller whose request may start the exchange
     */
    Lookup lookup(CredentialKey key, BasicCredentials credentials, @Nullable String clientAddress) {
        while (true) {
            var started = new AtomicBoolean();
            var outcome = outcomes.get(key, (ignored, executor) -> {
                started.set(true);
                return exchange.exchange(credentials, clientAddress).toFuture();
            });
            if (started.get()) {
                misses.increment();
                // registered here, not in the loader: an outcome that is already there (open breaker)
                // would otherwise be removed from inside Caffeine's own computation of the entry
                outcome.whenComplete((result, failure) -> {
                    if (!(result instanceof Issued)) {
                        outcomes.asMap().remove(key, outcome);
                    }
                });
                return new Lookup(key, outcome);
            }
            if (!outcome.isDone()) {
                coalesced.increment();
                return new Lookup(key, outcome);
            }
            if (!outcome.isCompletedExceptionally() && outcome.getNow(null) instanceof Issued issued) {
                if (isRevoked(issued.token())) {
                    if (outcomes.asMap().remove(key, outcome)) {
                        revocations.increment();
                    }
                    continue;
                }
                hits.increment();
                return new Lookup(key, outcome);
            }
            // a refusal or failure its own requests were answered with, not yet dropped: never reuse it
            outcomes.asMap().remove(key, outcome);
        }
    }

    /**
     * Drops the entry a request used, and only that one: a fresh token cached by another request
     * in the meantime stays.
     */
    void invalidate(Lookup lookup) {
        if (outcomes.asMap().remove(lookup.key(), lookup.outcome())) {
            invalidations.increment();
        }
    }

    /** Drops every cached token of the account whose credentials were revoked. */
    @EventListener
    void on(CredentialsRevoked revocation) {
        var dropped = 0;
        for (var entry : outcomes.asMap().entrySet()) {
            var outcome = entry.getValue();
            if (outcome.isDone() && !outcome.isCompletedExceptionally() && outcome.getNow(null) instanceof Issued issued
                    && issued.token().account().equals(revocation.userId()) && outcomes.asMap().remove(entry.getKey(), outcome)) {
                dropped++;
            }
        }
        revocations.increment(dropped);
        if (dropped > 0) {
            log.info("Dropped {} cached Basic token(s) of account {}: credentials revoked ({})", dropped, revocation.userId(),
                    revocation.reason());
        }
    }

    private boolean isRevoked(AccessToken token) {
        var denyList = revoked.getIfAvailable();
        return denyList != null && denyList.isRevoked(token.account(), token.issuedAt(), token.session());
    }

    /** One request's view of an entry: the key and the very future it got. */
    record Lookup(CredentialKey key, CompletableFuture<ExchangeOutcome> outcome) {}

    /** A token's entry lives as long as the token, less the margin, at most max-age; anything else not at all. */
    private record UntilShortlyBeforeExpiry(Duration safetyMargin, Duration maxAge) implements Expiry<CredentialKey, ExchangeOutcome> {

        @Override
        public long expireAfterCreate(CredentialKey key, ExchangeOutcome outcome, long currentTime) {
            return outcome instanceof Issued issued ? issued.token().cacheFor(safetyMargin, maxAge).toNanos() : 0;
        }

        @Override
        public long expireAfterUpdate(CredentialKey key, ExchangeOutcome outcome, long currentTime,
                long currentDuration) {
            // a completed exchange replaces its pending entry: the outcome brings its own lifetime
            return expireAfterCreate(key, outcome, currentTime);
        }

        @Override
        public long expireAfterRead(CredentialKey key, ExchangeOutcome outcome, long currentTime,
                long currentDuration) {
            return currentDuration;
        }
    }
}
