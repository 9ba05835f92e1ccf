package dev.kitty.auth.account;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Domain event: something changed about how the account is secured, which its owner must hear
 * about even when they did it themselves (OWASP ASVS 5.0 6.3.7). Recorded by the aggregate that
 * changed (the account, its TOTP credential, a new personal access token) and published when it is
 * saved, inside that transaction; the translator turns it into {@code AccountSecurityChanged}.
 *
 * @param email  the account's address when it happened, where the notice goes
 * @param detail what it concerned, for the notice (a personal access token's name); {@code null} otherwise
 */
public record SecurityChanged(UUID accountId, String email, Change change, @Nullable String detail, Instant occurredAt) {

    public enum Change {
        PASSWORD_CHANGED, PASSWORD_RESET, TWO_FACTOR_ENABLED, TWO_FACTOR_DISABLED, PERSONAL_ACCESS_TOKEN_CREATED, ACCOUNT_LOCKED
    }

    public SecurityChanged {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    public static SecurityChanged of(UUID accountId, String email, Change change, Instant occurredAt) {
        return new SecurityChanged(accountId, email, change, null, occurredAt);
    }
}
