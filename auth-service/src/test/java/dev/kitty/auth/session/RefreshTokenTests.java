package dev.kitty.auth.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import dev.kitty.auth.session.RefreshToken.State;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;

class RefreshTokenTests {

    private static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");
    private static final Duration TTL = Duration.ofDays(30);
    private static final UUID ACCOUNT = UUID.randomUUID();

    private final RefreshToken first = RefreshToken.startFamily(ACCOUNT, "h1", List.of("pwd"), NOW, NOW.plus(TTL));

    @Test
    void isUsableUntilItExpires() {
        assertThat(first.stateAt(NOW)).isEqualTo(State.USABLE);
        assertThat(first.stateAt(NOW.plus(TTL))).isEqualTo(State.EXPIRED);
    }

    @Test
    void rotatesIntoASuccessorOfTheSameFamilyAndIsUsedUp() {
        var later = NOW.plusSeconds(60);

        var second = first.rotate("h2", later, later.plus(TTL));

        assertThat(first.stateAt(later)).isEqualTo(State.USED);
        assertThat(second.stateAt(later)).isEqualTo(State.USABLE);
        assertThat(second.familyId()).isEqualTo(first.familyId());
        assertThat(second.accountId()).isEqualTo(ACCOUNT);
        assertThat(second.authenticationMethods()).containsExactly("pwd");
    }

    @Test
    void cannotBeRotatedTwice() {
        first.rotate("h2", NOW, NOW.plus(TTL));

        assertThatIllegalStateException().isThrownBy(() -> first.rotate("h3", NOW, NOW.plus(TTL)));
    }

    @Test
    void cannotBeRotatedOnceExpiredOrRevoked() {
        assertThatIllegalStateException().isThrownBy(() -> first.rotate("h2", NOW.plus(TTL), NOW.plus(TTL).plus(TTL)));

        ReflectionTestUtils.setField(first, "revokedAt", NOW);
        assertThat(first.stateAt(NOW)).isEqualTo(State.REVOKED);
        assertThatIllegalStateException().isThrownBy(() -> first.rotate("h2", NOW, NOW.plus(TTL)));
    }

    @Test
    void startsANewFamilyForEveryLogin() {
        var other = RefreshToken.startFamily(ACCOUNT, "h9", List.of("pwd"), NOW, NOW.plus(TTL));

        assertThat(other.familyId()).isNotEqualTo(first.familyId());
    }
}
