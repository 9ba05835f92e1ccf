package dev.kitty.auth.password;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** OWASP ASVS 5.0 6.4.1-style reset links: single use, short-lived. */
class PasswordResetTokenTests {

    private static final Instant NOW = Instant.parse("2026-03-14T15:09:26Z");

    private final PasswordResetToken token = PasswordResetToken.issue("hash", UUID.randomUUID(), NOW, NOW.plus(Duration.ofHours(1)));

    @Test
    void worksOnceWithinItsHour() {
        assertThat(token.usableAt(NOW.plus(Duration.ofMinutes(59)))).isTrue();

        token.consume(NOW.plus(Duration.ofMinutes(1)));

        assertThat(token.usableAt(NOW.plus(Duration.ofMinutes(2)))).isFalse();
        assertThatThrownBy(() -> token.consume(NOW.plus(Duration.ofMinutes(2)))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void expiresAfterItsHour() {
        assertThat(token.usableAt(NOW.plus(Duration.ofHours(1)))).isFalse();
    }

    @Test
    void mustExpireAfterItIsIssued() {
        assertThatThrownBy(() -> PasswordResetToken.issue("hash", UUID.randomUUID(), NOW, NOW)).isInstanceOf(IllegalArgumentException.class);
    }
}
