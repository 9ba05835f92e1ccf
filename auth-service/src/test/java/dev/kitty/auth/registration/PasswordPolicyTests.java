package dev.kitty.auth.registration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kitty.auth.registration.PasswordPolicy.Weakness;
import java.util.Optional;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PasswordPolicyTests {

    private static final CommonPasswords COMMON = new CommonPasswords();
    private final PasswordPolicy policy = new PasswordPolicy(COMMON);

    static Stream<Arguments> passwords() {
        return Stream.of(
                Arguments.of("empty", "", Weakness.TOO_SHORT),
                Arguments.of("11 characters", "abcdefghijk", Weakness.TOO_SHORT),
                Arguments.of("11 code points, 22 UTF-16 units", "😀".repeat(11), Weakness.TOO_SHORT),
                Arguments.of("12 emoji code points", "😀".repeat(12), null),
                Arguments.of("exactly 12 characters", "tram-ink-owl", null),
                Arguments.of("exactly 1024 characters", "x7-".repeat(341) + "y", null),
                Arguments.of("1025 characters", "x7-".repeat(341) + "yz", Weakness.TOO_LONG),
                Arguments.of("spaces count", "   a   b   c   ", null),
                Arguments.of("passphrase", "correct pony staple battery", null),
                Arguments.of("common password", "password1234", Weakness.COMMON),
                Arguments.of("common password in capitals", "PASSWORD1234", Weakness.COMMON),
                Arguments.of("common password in mixed case", "QwErTyUiOp123", Weakness.COMMON),
                Arguments.of("digit run", "123456789012", Weakness.COMMON),
                Arguments.of("keyboard walk", "1qaz2wsx3edc", Weakness.COMMON),
                Arguments.of("repeated letter", "aaaaaaaaaaaa", Weakness.COMMON),
                Arguments.of("word and year", "iloveyou2024", Weakness.COMMON),
                Arguments.of("whole address", "ann.smith@example.com!", Weakness.CONTAINS_EMAIL),
                Arguments.of("local part", "xx-Ann.Smith-xx", Weakness.CONTAINS_EMAIL),
                Arguments.of("unrelated long password", "violet-harbour-engine-42", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("passwords")
    void judgesPasswordsOfTheTable(String description, String password, @Nullable Weakness expected) {
        assertThat(policy.weaknessOf(password, "ann.smith@example.com")).isEqualTo(Optional.ofNullable(expected));
    }

    @Test
    void ignoresShortLocalPartsThatOccurByChance() {
        assertThat(policy.weaknessOf("annual-report-tiger", "ann@example.com")).isEmpty();
    }

    @Test
    void shipsSeveralThousandCommonPasswords() {
        assertThat(COMMON.size()).isGreaterThan(5_000);
        assertThat(COMMON.contains("Password123456")).isTrue();
        assertThat(COMMON.contains("violet-harbour-engine-42")).isFalse();
    }
}
