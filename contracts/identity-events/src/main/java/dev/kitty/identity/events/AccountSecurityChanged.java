package dev.kitty.identity.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Something changed about how the account is secured, which its owner should hear about even
 * when they did it themselves (OWASP ASVS 6.3.7): if it was not them, the mail is their warning.
 *
 * @param email      where to warn them: the account's address when it happened
 * @param change     one of the {@code CHANGE_*} constants; consumers must accept changes they do not know
 * @param detail     what it concerned, for the message (the personal access token's name); absent otherwise
 * @param occurredAt when it happened
 */
public record AccountSecurityChanged(UUID userId, String email, String change, String detail, Instant occurredAt) {

    public static final String CHANGE_PASSWORD_CHANGED = "PASSWORD_CHANGED";
    public static final String CHANGE_PASSWORD_RESET = "PASSWORD_RESET";
    public static final String CHANGE_TWO_FACTOR_ENABLED = "TWO_FACTOR_ENABLED";
    public static final String CHANGE_TWO_FACTOR_DISABLED = "TWO_FACTOR_DISABLED";
    public static final String CHANGE_PERSONAL_ACCESS_TOKEN_CREATED = "PERSONAL_ACCESS_TOKEN_CREATED";
    public static final String CHANGE_ACCOUNT_LOCKED = "ACCOUNT_LOCKED";

    /** Required fields are checked here, so that an event missing one fails to decode and is dead-lettered. */
    public AccountSecurityChanged {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }
}
