package dev.kitty.auth.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.kitty.auth.config.AuthProperties.PasswordHashing;
import java.time.Duration;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AuthPropertiesTests {

    private static final String SECRET = "0123456789abcdef0123456789abcdef";
    private static final PasswordHashing OWASP = new PasswordHashing(19456, 2, 1);

    static AuthProperties with(Duration accessTtl, String secret, int keySize, PasswordHashing hashing) {
        return new AuthProperties(accessTtl, Duration.ofDays(30), Duration.ofHours(24), secret, keySize, hashing);
    }

    static Stream<Arguments> unsafeSettings() {
        return Stream.of(
                Arguments.of("access tokens over 15 minutes", (Supplier<?>) () -> with(Duration.ofMinutes(16), SECRET, 2048, OWASP)),
                Arguments.of("access tokens of no time", (Supplier<?>) () -> with(Duration.ZERO, SECRET, 2048, OWASP)),
                Arguments.of("no key encryption secret", (Supplier<?>) () -> with(Duration.ofMinutes(10), null, 2048, OWASP)),
                Arguments.of("short key encryption secret", (Supplier<?>) () -> with(Duration.ofMinutes(10), "short", 2048, OWASP)),
                Arguments.of("RSA below 2048 bits", (Supplier<?>) () -> with(Duration.ofMinutes(10), SECRET, 1024, OWASP)),
                Arguments.of("Argon2 below 19 MiB", (Supplier<?>) () -> new PasswordHashing(16384, 2, 1)),
                Arguments.of("Argon2 with one pass", (Supplier<?>) () -> new PasswordHashing(19456, 1, 1)),
                Arguments.of("Argon2 without lanes", (Supplier<?>) () -> new PasswordHashing(19456, 2, 0)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unsafeSettings")
    void refusesToStartWithUnsafeSettings(String description, Supplier<?> settings) {
        assertThatIllegalArgumentException().isThrownBy(settings::get);
    }

    @Test
    void acceptsTheOwaspMinimumAndFifteenMinuteTokens() {
        assertThat(with(Duration.ofMinutes(15), SECRET, 2048, OWASP).accessTokenTtl()).hasMinutes(15);
    }

    @Test
    void recognisesTheDevelopmentSecret() {
        assertThat(with(Duration.ofMinutes(10), "dev-only-" + SECRET, 2048, OWASP).usesDevelopmentSecret()).isTrue();
        assertThat(with(Duration.ofMinutes(10), SECRET, 2048, OWASP).usesDevelopmentSecret()).isFalse();
    }
}
