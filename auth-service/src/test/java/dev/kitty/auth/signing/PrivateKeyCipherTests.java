package dev.kitty.auth.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PrivateKeyCipherTests {

    private static final String SECRET = "a-test-secret-that-is-long-enough-123";
    private static final byte[] KEY = "pretend this is a PKCS#8 private key".getBytes(StandardCharsets.UTF_8);

    private final PrivateKeyCipher cipher = new PrivateKeyCipher(SECRET);

    @Test
    void opensWhatItSealed() {
        assertThat(cipher.open(cipher.seal(KEY, "kid-1"), "kid-1")).isEqualTo(KEY);
    }

    @Test
    void neverStoresThePlainKey() {
        var sealed = cipher.seal(KEY, "kid-1");

        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("PKCS#8");
        assertThat(cipher.seal(KEY, "kid-1")).isNotEqualTo(sealed); // fresh salt and IV every time
    }

    @Test
    void refusesToOpenWithAnotherSecret() {
        var sealed = cipher.seal(KEY, "kid-1");

        assertThatIllegalStateException().isThrownBy(() -> new PrivateKeyCipher(SECRET + "x").open(sealed, "kid-1"))
                .withMessageContaining("KITTY_AUTH_KEY_ENCRYPTION_SECRET");
    }

    @Test
    void refusesAKeyMovedToAnotherKid() {
        var sealed = cipher.seal(KEY, "kid-1");

        assertThatIllegalStateException().isThrownBy(() -> cipher.open(sealed, "kid-2"));
    }

    @Test
    void refusesTamperedCiphertext() {
        var sealed = cipher.seal(KEY, "kid-1");
        sealed[sealed.length - 1] ^= 1;

        assertThatIllegalStateException().isThrownBy(() -> cipher.open(sealed, "kid-1"));
    }

    @Test
    void refusesAnUnknownFormat() {
        var sealed = cipher.seal(KEY, "kid-1");
        sealed[0] = 9;

        assertThatIllegalStateException().isThrownBy(() -> cipher.open(sealed, "kid-1")).withMessageContaining("format");
    }
}
