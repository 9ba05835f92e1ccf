package dev.kitty.auth.mfa;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RecoveryCodesTests {

    /**
     * OWASP ASVS 5.0 6.5.2 (a fast hash is enough only from 112 bits of entropy) and 6.5.3 (CSPRNG);
     * 24 characters from 32 symbols = 120 bits.
     */
    @Test
    void generatesTenDistinctCodesOfAtLeast112Bits() {
        var codes = RecoveryCodes.generate();

        assertThat(codes).hasSize(10).doesNotHaveDuplicates()
                .allSatisfy(code -> assertThat(code).matches("[0-9a-hjkmnp-tv-z]{6}(-[0-9a-hjkmnp-tv-z]{6}){3}"));
        var bits = RecoveryCodes.CHARACTERS * (Math.log(RecoveryCodes.ALPHABET.length()) / Math.log(2));
        assertThat(bits).isGreaterThanOrEqualTo(112);
        assertThat(new HashSet<>(RecoveryCodes.ALPHABET.chars().boxed().toList())).hasSize(32);
    }

    @ParameterizedTest(name = "\"{0}\" is read as the code")
    @CsvSource({"7k2m9x-q4r8tv-0n3p5c-h6w1yz", "7K2M9X-Q4R8TV-0N3P5C-H6W1YZ", "7k2m9xq4r8tv0n3p5ch6w1yz", "' 7k2m 9x-q4r8tv-On3p5c-h6wlyz '"})
    void readsTypedCodesForgivingly(String typed) {
        assertThat(RecoveryCodes.hash(typed)).isEqualTo(RecoveryCodes.hash("7k2m9x-q4r8tv-0n3p5c-h6w1yz"));
    }

    @Test
    void storesNothingThatCanBePresented() {
        var code = RecoveryCodes.generate().getFirst();

        assertThat(RecoveryCodes.hash(code)).hasSize(64).doesNotContain(RecoveryCodes.normalise(code));
    }
}
