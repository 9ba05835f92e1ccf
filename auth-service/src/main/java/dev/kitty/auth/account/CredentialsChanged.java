package dev.kitty.auth.account;

import dev.kitty.platform.security.JwtPolicy;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * In-process domain event: a password or second factor of the account was set, changed or
 * removed. Published synchronously inside that transaction; sessions other than
 * {@code keepSession} end with it (OWASP ASVS 5.0 7.4.3), so a thief's refresh token dies the
 * moment the owner changes their credentials.
 *
 * @param what        which credential changed
 * @param keepSession the session of the caller who made the change (the access token's
 *                    {@value #SESSION_CLAIM} claim = its refresh-token family), which survives;
 *                    {@code null} ends every session, e.g. after a password reset
 */
public record CredentialsChanged(UUID accountId, What what, @Nullable UUID keepSession) {

    /** Access-token claim naming the login session (refresh-token family) the token was issued in. */
    public static final String SESSION_CLAIM = JwtPolicy.SESSION_CLAIM;

    public enum What { PASSWORD_CHANGED, PASSWORD_RESET, SECOND_FACTOR_CHANGED }

    /** A password reset: the person resetting holds no session worth keeping. */
    public static CredentialsChanged passwordReset(UUID accountId) {
        return new CredentialsChanged(accountId, What.PASSWORD_RESET, null);
    }

    /**
     * @param sessionClaim the caller's {@value #SESSION_CLAIM} claim; absent or malformed (e.g. a token
     *                     from a personal access token) ends every session, the safe side
     */
    public static CredentialsChanged keepingSession(UUID accountId, What what, @Nullable String sessionClaim) {
        return new CredentialsChanged(accountId, what, sessionOf(sessionClaim));
    }

    /** The session a {@value #SESSION_CLAIM} claim names; absent or malformed, none (every session ends: the safe side). */
    public static @Nullable UUID sessionOf(@Nullable String claim) {
        if (claim == null) {
            return null;
        }
        try {
            return UUID.fromString(claim);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
