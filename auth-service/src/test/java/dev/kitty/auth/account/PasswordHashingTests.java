package dev.kitty.auth.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kitty.auth.config.AuthProperties;
import dev.kitty.auth.config.AuthProperties.PasswordHashing;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

class PasswordHashingTests {

    private static final String PASSWORD = "violet-harbour-engine-42";

    private final PasswordEncoder encoder = encoder(new PasswordHashing(19456, 2, 1));

    static PasswordEncoder encoder(PasswordHashing cost) {
        var properties = new AuthProperties(Duration.ofMinutes(10), Duration.ofDays(30), Duration.ofHours(24),
                "0123456789abcdef0123456789abcdef", 2048, cost);
        return new PasswordHashingConfiguration().passwordEncoder(properties);
    }

    @Test
    void hashesWithArgon2idAtTheOwaspMinimumCost() {
        var hash = encoder.encode(PASSWORD);

        assertThat(hash).startsWith("{argon2}$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(encoder.matches(PASSWORD, hash)).isTrue();
        assertThat(encoder.matches(PASSWORD + "x", hash)).isFalse();
    }

    @Test
    void saltsEveryHash() {
        assertThat(encoder.encode(PASSWORD)).isNotEqualTo(encoder.encode(PASSWORD));
    }

    @Test
    void asksToUpgradeHashesMadeWithWeakerParameters() {
        var weak = "{argon2}" + Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8().encode(PASSWORD);

        assertThat(encoder.matches(PASSWORD, weak)).isTrue();
        assertThat(encoder.upgradeEncoding(weak)).isTrue();
        assertThat(encoder.upgradeEncoding(encoder.encode(PASSWORD))).isFalse();
    }

    @Test
    void asksToUpgradeWhenTheCostIsRaised() {
        var current = encoder.encode(PASSWORD);

        assertThat(encoder(new PasswordHashing(19456, 3, 1)).upgradeEncoding(current)).isTrue();
    }
}
