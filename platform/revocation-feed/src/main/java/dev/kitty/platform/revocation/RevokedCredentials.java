package dev.kitty.platform.revocation;

import dev.kitty.identity.events.CredentialsRevoked;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The revocations of the last {@code retention}, by account: the deny-list a resource server
 * checks every access token against. Small by nature (a handful of entries an hour), so it lives
 * in memory and is rebuilt from the feed at start-up. Recording the same revocation twice (a
 * replayed event, or the local copy auth-service records before the event arrives) changes nothing.
 */
public class RevokedCredentials {

    private final ConcurrentHashMap<UUID, List<CredentialsRevoked>> byAccount = new ConcurrentHashMap<>();
    private final Duration retention;
    private final Clock clock;

    public RevokedCredentials(Duration retention, Clock clock) {
        this.retention = retention;
        this.clock = clock;
    }

    /** @return whether it was new (and not already too old to matter) */
    public boolean record(CredentialsRevoked revocation) {
        var horizon = horizon();
        if (revocation.revokedAt().isBefore(horizon)) {
            return false;
        }
        var added = new boolean[1];
        byAccount.compute(revocation.userId(), (account, known) -> {
            var current = known == null ? Stream.<CredentialsRevoked>empty() : known.stream().filter(r -> !r.revokedAt().isBefore(horizon));
            var kept = current.toList();
            if (kept.contains(revocation)) {
                return kept;
            }
            added[0] = true;
            return Stream.concat(kept.stream(), Stream.of(revocation)).toList();
        });
        if (byAccount.size() > 1024) {
            prune();
        }
        return added[0];
    }

    /**
     * Whether an access token of {@code account}, issued at {@code issuedAt} in session
     * {@code session} (its {@code sid} claim, if any), was revoked.
     */
    public boolean isRevoked(UUID account, Instant issuedAt, @Nullable String session) {
        var known = byAccount.get(account);
        return known != null && known.stream().anyMatch(revocation -> revocation.covers(issuedAt, session));
    }

    /** The latest revocation of the account still remembered, if any. */
    public Optional<Instant> latestRevocation(UUID account) {
        var known = byAccount.get(account);
        return known == null ? Optional.empty() : known.stream().map(CredentialsRevoked::revokedAt).max(Instant::compareTo);
    }

    /** Forgets what no unexpired token can be affected by any more. */
    public void prune() {
        var horizon = horizon();
        byAccount.replaceAll((account, known) -> known.stream().filter(r -> !r.revokedAt().isBefore(horizon)).toList());
        byAccount.values().removeIf(List::isEmpty);
    }

    private Instant horizon() {
        return clock.instant().minus(retention);
    }
}
