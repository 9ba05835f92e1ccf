package dev.kitty.auth.registration;

import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * What a new password must be (OWASP ASVS 5.0, V6.2): long enough, not absurdly long, not a
 * known common password and not the user's own address. No composition rules and no
 * truncation: any character counts, spaces included.
 */
@Component
class PasswordPolicy {

    static final int MIN_LENGTH = 12;
    static final int MAX_LENGTH = 1024;

    /** A shorter local part ("ann") is too likely to occur by chance inside a good passphrase. */
    private static final int MIN_LOCAL_PART_TO_MATCH = 5;

    private final CommonPasswords commonPasswords;

    PasswordPolicy(CommonPasswords commonPasswords) {
        this.commonPasswords = commonPasswords;
    }

    /** Why {@code password} may not be used by the owner of {@code email}, if it may not. */
    Optional<Weakness> weaknessOf(String password, String email) {
        var length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            return Optional.of(Weakness.TOO_SHORT);
        }
        if (length > MAX_LENGTH) {
            return Optional.of(Weakness.TOO_LONG);
        }
        if (commonPasswords.contains(password)) {
            return Optional.of(Weakness.COMMON);
        }
        if (containsAddress(password, email)) {
            return Optional.of(Weakness.CONTAINS_EMAIL);
        }
        return Optional.empty();
    }

    private static boolean containsAddress(String password, String email) {
        var lowerCased = password.toLowerCase(Locale.ROOT);
        var address = email.toLowerCase(Locale.ROOT);
        var at = address.lastIndexOf('@');
        var localPart = at > 0 ? address.substring(0, at) : address;
        return !address.isEmpty() && lowerCased.contains(address)
                || localPart.length() >= MIN_LOCAL_PART_TO_MATCH && lowerCased.contains(localPart);
    }

    enum Weakness {
        TOO_SHORT("must be at least " + MIN_LENGTH + " characters long"),
        TOO_LONG("must be at most " + MAX_LENGTH + " characters long"),
        COMMON("is too common: it is on the lists attackers try first"),
        CONTAINS_EMAIL("must not contain your email address");

        private final String message;

        Weakness(String message) {
            this.message = message;
        }

        String message() {
            return message;
        }
    }
}
