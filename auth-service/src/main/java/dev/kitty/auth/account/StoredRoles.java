package dev.kitty.auth.account;

import dev.kitty.platform.web.DomainException;
import java.util.Arrays;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The one check of a caller's <em>stored</em> system roles, for every administrative path: the
 * roles in an access token open a method ({@code @PreAuthorize}), and this makes sure the store
 * still agrees, so an administrator demoted, locked or deleted a minute ago cannot act for the
 * rest of their token's lifetime (OWASP API5:2023, ASVS 5.0 V8.3.2).
 */
@Component
public class StoredRoles {

    static final String NOT_ALLOWED = "You are not allowed to do this.";

    private final Accounts accounts;

    public StoredRoles(Accounts accounts) {
        this.accounts = accounts;
    }

    /**
     * @return the caller as stored now: still there, still able to sign in, holding one of {@code anyOf}
     * @throws DomainException.Forbidden otherwise
     */
    public Account require(UUID callerId, SystemRole... anyOf) {
        return require(callerId, NOT_ALLOWED, anyOf);
    }

    /** As {@link #require(UUID, SystemRole...)}, refusing with {@code refusal} as the detail. */
    public Account require(UUID callerId, String refusal, SystemRole... anyOf) {
        return accounts.findById(callerId)
                .filter(Account::canSignIn)
                .filter(caller -> Arrays.stream(anyOf).anyMatch(caller::hasRole))
                .orElseThrow(() -> new DomainException.Forbidden(refusal));
    }
}
