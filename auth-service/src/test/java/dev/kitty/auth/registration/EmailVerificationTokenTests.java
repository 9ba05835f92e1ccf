package dev.kitty.auth.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EmailVerificationTokenTests {

    private static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");
    private static final Instant EXPIRY = NOW.plus(Duration.ofHours(24));

    private final EmailVerificationToken token = EmailVerificationToken.issue("hash", UUID.randomUUID(), "ann@example.com", NOW, EXPIRY);

    @Test
    void isUsableUntilItExpires() {
        assertThat(token.usableAt(NOW)).isTrue();
        assertThat(token.usableAt(EXPIRY.minusMillis(1))).isTrue();
        assertThat(token.usableAt(EXPIRY)).isFalse();
    }

    @Test
    void canBeUsedOnlyOnce() {
        token.consume(NOW.plusSeconds(5));

        assertThat(token.usableAt(NOW.plusSeconds(6))).isFalse();
        assertThatIllegalStateException().isThrownBy(() -> token.consume(NOW.plusSeconds(6)));
    }

    @Test
    void cannotBeConsumedAfterExpiry() {
        assertThatIllegalStateException().isThrownBy(() -> token.consume(EXPIRY));
    }

    @Test
    void mustExpireInTheFuture() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> EmailVerificationToken.issue("hash", UUID.randomUUID(), "ann@example.com", NOW, NOW));
    }
}
