package dev.kitty.auth.pat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PatSecretTests {

    /** OWASP ASVS 5.0 V7.2.3: a reference token has at least 128 bits from a CSPRNG; ours has 256. */
    @Test
    void generatesARecognisableTokenWith256RandomBits() {
        var secret = PatSecret.generate();

        assertThat(secret.value()).startsWith("kitty_pat_").matches("kitty_pat_[0-9a-f]{16}_[A-Za-z0-9_-]{43}");
        assertThat(secret.secret()).hasSize(43); // 32 bytes, URL-safe Base64 without padding
        assertThat(PatSecret.parse(secret.value())).contains(secret);
    }

    @Test
    void neverRepeatsALookupIdOrSecret() {
        var lookups = new HashSet<String>();
        var secrets = new HashSet<String>();
        for (int i = 0; i < 1000; i++) {
            var secret = PatSecret.generate();
            lookups.add(secret.lookupId());
            secrets.add(secret.secret());
        }
        assertThat(lookups).hasSize(1000);
        assertThat(secrets).hasSize(1000);
    }

    /** The stored hash is bound to its lookup id: a hash copied into another row matches nothing. */
    @Test
    void hashesTheSecretKeyedByTheLookupId() {
        var secret = PatSecret.generate();
        var sameSecretOtherRow = new PatSecret("0123456789abcdef", secret.secret());

        assertThat(secret.hash()).hasSize(64).isNotEqualTo(sameSecretOtherRow.hash()).doesNotContain(secret.secret());
        assertThat(secret.hash()).isEqualTo(PatSecret.parse(secret.value()).orElseThrow().hash());
    }

    @Test
    void keepsTheSecretOutOfItsStringForm() {
        var secret = PatSecret.generate();

        assertThat(secret.toString()).doesNotContain(secret.secret()).contains(secret.lookupId());
    }

    static Stream<Arguments> notTokens() {
        var valid = PatSecret.generate().value();
        return Stream.of(
                Arguments.of("empty", ""),
                Arguments.of("a password", "violet-harbour-engine-42"),
                Arguments.of("prefix only", "kitty_pat_"),
                Arguments.of("other prefix", valid.replace("kitty_pat_", "kitty_xyz_")),
                Arguments.of("upper-case lookup id", "kitty_pat_0123456789ABCDEF_" + "a".repeat(43)),
                Arguments.of("short lookup id", "kitty_pat_0123456789abcde_" + "a".repeat(43)),
                Arguments.of("short secret", valid.substring(0, valid.length() - 1)),
                Arguments.of("long secret", valid + "a"),
                Arguments.of("secret outside the alphabet", "kitty_pat_0123456789abcdef_" + "a".repeat(42) + "="),
                Arguments.of("trailing newline", valid + "\n"),
                Arguments.of("10 KB of junk", "kitty_pat_" + "x".repeat(10_000)));
    }

    /** Anything not exactly shaped like a token is refused before any lookup (OWASP ASVS 5.0 V2.2.1, input validation). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("notTokens")
    void recognisesOnlyTheExactShapeOfAToken(String description, String presented) {
        assertThat(PatSecret.parse(presented)).isEmpty();
    }
}
