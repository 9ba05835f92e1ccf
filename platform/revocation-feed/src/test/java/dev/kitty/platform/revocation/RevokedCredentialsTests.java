package dev.kitty.platform.revocation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kitty.identity.events.CredentialsRevoked;
import dev.kitty.platform.test.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RevokedCredentialsTests {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    private final MutableClock clock = new MutableClock(NOW);
    private final RevokedCredentials revoked = new RevokedCredentials(Duration.ofMinutes(16), clock);
    private final UUID account = UUID.randomUUID();

    @Test
    void refusesTokensOfTheAccountIssuedUpToTheRevocationOnly() {
        assertThat(revoked.record(CredentialsRevoked.allTokens(account, CredentialsRevoked.REASON_ACCOUNT_LOCKED, NOW))).isTrue();

        assertThat(revoked.isRevoked(account, NOW.minusSeconds(300), null)).isTrue();
        assertThat(revoked.isRevoked(account, NOW.plusSeconds(1), null)).isFalse();
        assertThat(revoked.isRevoked(UUID.randomUUID(), NOW.minusSeconds(300), null)).as("another account").isFalse();
    }

    @Test
    void recordingTheSameRevocationAgainChangesNothing() {
        var revocation = CredentialsRevoked.allTokens(account, CredentialsRevoked.REASON_ACCOUNT_DELETED, NOW);

        assertThat(revoked.record(revocation)).isTrue();
        assertThat(revoked.record(revocation)).isFalse();
        assertThat(revoked.latestRevocation(account)).contains(NOW);
    }

    @Test
    void forgetsRevocationsOnceNoTokenTheyCoverCanStillBeValid() {
        revoked.record(CredentialsRevoked.allTokens(account, CredentialsRevoked.REASON_ACCOUNT_LOCKED, NOW));
        assertThat(revoked.record(CredentialsRevoked.allTokens(account, CredentialsRevoked.REASON_ACCOUNT_LOCKED,
                NOW.minus(Duration.ofMinutes(17))))).as("already older than the retention").isFalse();

        clock.set(NOW.plus(Duration.ofMinutes(16)).plusSeconds(1));
        revoked.prune();

        assertThat(revoked.latestRevocation(account)).isEmpty();
        assertThat(revoked.isRevoked(account, NOW.minusSeconds(1), null)).isFalse();
    }

    @Test
    void keepsTheLatestOfSeveralRevocations() {
        revoked.record(CredentialsRevoked.allTokens(account, CredentialsRevoked.REASON_ROLES_CHANGED, NOW.minusSeconds(60)));
        revoked.record(CredentialsRevoked.allTokens(account, CredentialsRevoked.REASON_ACCOUNT_LOCKED, NOW));

        assertThat(revoked.latestRevocation(account)).contains(NOW);
    }
}
