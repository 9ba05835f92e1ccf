package dev.kitty.auth.mfa;

import dev.kitty.auth.secret.OpaqueToken;
import java.security.SecureRandom;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * Lookup secrets for a lost authenticator. Each code is 24 characters of Crockford Base32,
 * 120 bits from a CSPRNG (OWASP ASVS 5.0 6.5.3): at 112 bits or more a plain SHA-256 is an
 * adequate store (ASVS 6.5.2), so a code is found by its hash without ten slow comparisons per
 * attempt. Typed codes are forgiving: case, spaces and hyphens do not matter, and the letters
 * Crockford excludes (i, l, o) read as the digits they look like.
 */
final class RecoveryCodes {

    static final int COUNT = 10;
    static final int CHARACTERS = 24;
    static final int GROUP = 6;
    static final String ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";

    private static final SecureRandom RANDOM = new SecureRandom();

    private RecoveryCodes() {
    }

    /** Ten fresh codes as shown to the user, e.g. {@code 7k2m9x-q4r8tv-0n3p5c-h6w1yz}. */
    static List<String> generate() {
        return IntStream.range(0, COUNT).mapToObj(i -> generateOne()).toList();
    }

    static String hash(String typed) {
        return OpaqueToken.hashOf(normalise(typed));
    }

    static String normalise(String typed) {
        var normalised = new StringBuilder(CHARACTERS);
        for (var c : typed.toLowerCase(Locale.ROOT).toCharArray()) {
            switch (c) {
                case '-', ' ', '\t' -> { }
                case 'i', 'l' -> normalised.append('1');
                case 'o' -> normalised.append('0');
                default -> normalised.append(c);
            }
        }
        return normalised.toString();
    }

    private static String generateOne() {
        var code = new StringBuilder(CHARACTERS + CHARACTERS / GROUP);
        for (int i = 0; i < CHARACTERS; i++) {
            if (i > 0 && i % GROUP == 0) {
                code.append('-');
            }
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }
}
