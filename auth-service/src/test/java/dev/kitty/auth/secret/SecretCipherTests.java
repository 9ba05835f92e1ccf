package dev.kitty.auth.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * OWASP ASVS 5.0 11.3.2/11.3.3 (AES-GCM, authenticated encryption) for what auth-service keeps
 * encrypted at rest: signing keys (a key per value) and TOTP seeds (a key per purpose).
 */
class SecretCipherTests {

    private static final String SECRET = "a-test-secret-that-is-long-enough-123";
    private static final byte[] VALUE = "pretend this is a PKCS#8 private key".getBytes(StandardCharsets.UTF_8);

    static Stream<Arguments> ciphers() {
        return Stream.of(
                Arguments.of("key per value", (BiFunction<String, String, SecretCipher>) SecretCipher::keyPerValue),
                Arguments.of("key per purpose", (BiFunction<String, String, SecretCipher>) SecretCipher::keyPerPurpose));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ciphers")
    void opensWhatItSealedAndStoresNoPlainText(String kind, BiFunction<String, String, SecretCipher> cipher) {
        var sealed = cipher.apply(SECRET, "thing").seal(VALUE, "row-1");

        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("PKCS#8");
        assertThat(cipher.apply(SECRET, "thing").open(sealed, "row-1")).isEqualTo(VALUE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ciphers")
    void sealsTheSameValueDifferentlyEachTime(String kind, BiFunction<String, String, SecretCipher> cipher) {
        var thing = cipher.apply(SECRET, "thing");

        assertThat(thing.seal(VALUE, "row-1")).isNotEqualTo(thing.seal(VALUE, "row-1"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ciphers")
    void refusesAValueMovedToAnotherRow(String kind, BiFunction<String, String, SecretCipher> cipher) {
        var thing = cipher.apply(SECRET, "thing");
        var sealed = thing.seal(VALUE, "row-1");

        assertThatIllegalStateException().isThrownBy(() -> thing.open(sealed, "row-2"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ciphers")
    void refusesAnAlteredValue(String kind, BiFunction<String, String, SecretCipher> cipher) {
        var thing = cipher.apply(SECRET, "thing");
        var sealed = thing.seal(VALUE, "row-1");
        sealed[sealed.length - 1] ^= 1;

        assertThatIllegalStateException().isThrownBy(() -> thing.open(sealed, "row-1"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ciphers")
    void refusesAnotherSecretNamingTheSetting(String kind, BiFunction<String, String, SecretCipher> cipher) {
        var sealed = cipher.apply(SECRET, "thing").seal(VALUE, "row-1");

        assertThatIllegalStateException().isThrownBy(() -> cipher.apply(SECRET + "x", "thing").open(sealed, "row-1"))
                .withMessageContaining("KITTY_AUTH_KEY_ENCRYPTION_SECRET");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ciphers")
    void refusesAnUnknownFormat(String kind, BiFunction<String, String, SecretCipher> cipher) {
        var thing = cipher.apply(SECRET, "thing");
        var sealed = thing.seal(VALUE, "row-1");
        sealed[0] = 9;

        assertThatIllegalStateException().isThrownBy(() -> thing.open(sealed, "row-1")).withMessageContaining("format");
        assertThatIllegalStateException().isThrownBy(() -> thing.open(new byte[] {1, 2}, "row-1")).withMessageContaining("format");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ciphers")
    void namesItsSchemeForTheRow(String kind, BiFunction<String, String, SecretCipher> cipher) {
        assertThat(cipher.apply(SECRET, "thing").scheme())
                .isEqualTo(kind.equals("key per value") ? "A256GCM-PBKDF2-SHA256" : "A256GCM-PBKDF2-SHA256-PURPOSE");
    }

    @Test
    void aKeyPerPurposeDiffersBetweenPurposes() {
        var sealed = SecretCipher.keyPerPurpose(SECRET, "totp-secret").seal(VALUE, "row-1");

        assertThatIllegalStateException().isThrownBy(() -> SecretCipher.keyPerPurpose(SECRET, "other").open(sealed, "row-1"));
    }

    /** Sealed by the two ciphers this class replaced (signing.PrivateKeyCipher, the first SecretCipher): stored rows still open. */
    @Test
    void opensWhatThePreviousCiphersStored() {
        var signingKey = Base64.getDecoder().decode(
                "AVLd5aikV0TtfhwOQBaKgGLUbznxSZo+fQ/PagL+Syoo378CUy1h5JLiNIgUsp8iA8InphLXGCaqraOmi3g/kKBdSfpEWPmMLESRAUAoG9EY");
        var totpSeed = Base64.getDecoder().decode(
                "Acy8xLLkSscyQX9P+JOm/6+MBWLwBdNUAsnS2l+bNtuOIGCd4bK5BhqpJQiaSxmj/dazCQtlftyMIfwTwg==");

        assertThat(SecretCipher.keyPerValue(SECRET, "signing key").open(signingKey, "kid-1")).asString(StandardCharsets.UTF_8)
                .isEqualTo("pretend this is a PKCS#8 private key");
        assertThat(SecretCipher.keyPerPurpose(SECRET, "totp-secret").open(totpSeed, "account-1")).asString(StandardCharsets.US_ASCII)
                .isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
    }
}
