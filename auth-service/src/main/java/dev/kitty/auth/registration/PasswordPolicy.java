package dev.kitty.auth.registration;

import dev.kitty.platform.web.DomainException;
import dev.kitty.platform.web.FieldError;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * What a new password must be (OWASP ASVS 5.0, V6.2): long enough, not absurdly long, not a
 * known common password and not the user's own address. No composition rules and no
 * truncation: any character counts, spaces included. Public: every way to set a password
 * (registration, change, reset, bootstrap) applies this one policy.
 */
@Component
public class PasswordPolicy {

    static final int MIN_LENGTH = 12;
    static final int MAX_LENGTH = 1024;

    /** A shorter local part ("ann") is too likely to occur by chance inside a good passphrase. */
    private static final int MIN_LOCAL_PART_TO_MATCH = 5;

    private final CommonPasswords commonPasswords;

    PasswordPolicy(CommonPasswords commonPasswords) {
        this.commonPasswords = commonPasswords;
    }

    /**
     * @throws DomainException.Invalid {@code weak-password} with the reason for {@code field}, when the password may not be used
     */
    public void requireAcceptable(String password, String email, String field) {
        weaknessOf(password, email).ifPresent(weakness -> {
            throw new DomainException.Invalid("weak-password", "The password " + weakness.message() + ".",
                    List.of(new FieldError(field, weakness.message())));
        });
    }

    /** Why {@code password} may not be used by the owner of {@code email}, if it may not. */
    public Optional<Weakness> weaknessOf(String password, String email) {
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

    public enum Weakness {
        TOO_SHORT("must be at least " + MIN_LENGTH + " characters long"),
        TOO_LONG("must be at most " + MAX_LENGTH + " characters long"),
        COMMON("is too common: it is on the lists attackers try first"),
        CONTAINS_EMAIL("must not contain your email address");

        private final String message;

        Weakness(String message) {
            this.message = message;
        }

        public String message() {
            return message;
        }
    }
}
