package dev.kitty.auth.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Base64;
import java.util.HashSet;
import org.junit.jupiter.api.Test;

class OpaqueTokenTests {

    @Test
    void carriesTheRequestedNumberOfRandomBytesUrlSafe() {
        var token = OpaqueToken.generate(32);

        assertThat(Base64.getUrlDecoder().decode(token.value())).hasSize(32);
        assertThat(token.value()).matches("[A-Za-z0-9_-]{43}");
    }

    @Test
    void neverRepeats() {
        var values = new HashSet<String>();
        for (int i = 0; i < 1_000; i++) {
            values.add(OpaqueToken.generate(16).value());
        }
        assertThat(values).hasSize(1_000);
    }

    @Test
    void hashesWithSha256AsLowerCaseHex() {
        assertThat(OpaqueToken.hashOf("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void storesAHashThatDiffersFromTheValue() {
        var token = OpaqueToken.generate(32);

        assertThat(token.hash()).isEqualTo(OpaqueToken.hashOf(token.value())).isNotEqualTo(token.value());
        assertThat(token.toString()).doesNotContain(token.value());
    }

    @Test
    void refusesFewerThan128Bits() {
        assertThatIllegalArgumentException().isThrownBy(() -> OpaqueToken.generate(15));
    }

    @Test
    void refusesAHashOfAnotherValue() {
        assertThatIllegalArgumentException().isThrownBy(() -> new OpaqueToken("a", OpaqueToken.hashOf("b")));
    }
}
