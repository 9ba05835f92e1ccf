package dev.kitty.auth.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** OWASP ASVS 5.0 11.3.2/11.3.3 (AES-GCM, authenticated encryption) for TOTP seeds kept at rest. */
class SecretCipherTests {

    private static final String SECRET = "a-test-secret-of-more-than-32-characters";
    private static final byte[] SEED = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ".getBytes(StandardCharsets.US_ASCII);

    private final SecretCipher cipher = new SecretCipher(SECRET, "totp-secret");

    @Test
    void opensWhatItSealedAndStoresNoPlainText() {
        var sealed = cipher.seal(SEED, "account-1");

        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("GEZDGNBV");
        assertThat(cipher.open(sealed, "account-1")).isEqualTo(SEED);
    }

    @Test
    void sealsTheSameValueDifferentlyEachTime() {
        assertThat(cipher.seal(SEED, "account-1")).isNotEqualTo(cipher.seal(SEED, "account-1"));
    }

    @Test
    void refusesAValueMovedToAnotherRow() {
        var sealed = cipher.seal(SEED, "account-1");

        assertThatThrownBy(() -> cipher.open(sealed, "account-2")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void refusesAnAlteredValue() {
        var sealed = cipher.seal(SEED, "account-1");
        sealed[sealed.length - 1] ^= 1;

        assertThatThrownBy(() -> cipher.open(sealed, "account-1")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void refusesAnotherSecretOrPurpose() {
        var sealed = cipher.seal(SEED, "account-1");

        assertThatThrownBy(() -> new SecretCipher(SECRET + "x", "totp-secret").open(sealed, "account-1"))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new SecretCipher(SECRET, "other").open(sealed, "account-1")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> cipher.open(new byte[] {1, 2}, "account-1")).isInstanceOf(IllegalStateException.class);
    }
}
