package dev.kitty.identity.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Credentials of an account stopped being valid: access tokens issued up to {@code revokedAt}
 * must no longer be honoured, and anything that cached them (the gateway's HTTP Basic cache)
 * must drop them. Every resource server applies the same rule to a token with subject
 * {@code userId}, issue time {@code iat} and session {@code sid}: it is refused when
 * {@code iat <= revokedAt} (compared in whole seconds, the precision of {@code iat}), and
 * {@code session} is absent or equals {@code sid}, and {@code exceptSession} is absent or differs
 * from {@code sid}. A consumer needs to remember an event only as long as the longest
 * access-token lifetime (15 minutes): older tokens have expired anyway.
 *
 * @param userId        the account
 * @param reason        why, one of the {@code REASON_*} constants; consumers must accept reasons they do not know
 * @param revokedAt     tokens issued at or before this instant are affected
 * @param session       when present, only tokens of this session ({@code sid}: a login's refresh-token
 *                      family, or the personal access token a token was exchanged for); absent, every token
 * @param exceptSession when present, tokens of this session survive (the caller who changed their own password)
 */
public record CredentialsRevoked(UUID userId, String reason, Instant revokedAt, UUID session, UUID exceptSession) {

    public static final String REASON_PASSWORD_CHANGED = "PASSWORD_CHANGED";
    public static final String REASON_PASSWORD_RESET = "PASSWORD_RESET";
    public static final String REASON_SECOND_FACTOR_CHANGED = "SECOND_FACTOR_CHANGED";
    public static final String REASON_PERSONAL_ACCESS_TOKEN_REVOKED = "PERSONAL_ACCESS_TOKEN_REVOKED";
    public static final String REASON_ACCOUNT_LOCKED = "ACCOUNT_LOCKED";
    public static final String REASON_ACCOUNT_DELETED = "ACCOUNT_DELETED";
    public static final String REASON_ROLES_CHANGED = "ROLES_CHANGED";

    /** Required fields are checked here, so that an event missing one fails to decode and is dead-lettered. */
    public CredentialsRevoked {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(revokedAt, "revokedAt");
    }

    /** Every token of the account issued up to {@code revokedAt}. */
    public static CredentialsRevoked allTokens(UUID userId, String reason, Instant revokedAt) {
        return new CredentialsRevoked(userId, reason, revokedAt, null, null);
    }

    /** Whether a token of this account with issue time {@code issuedAt} and session {@code sid} is refused. */
    public boolean covers(Instant issuedAt, String sid) {
        if (issuedAt.getEpochSecond() > revokedAt.getEpochSecond()) {
            return false;
        }
        if (session != null && !session.toString().equals(sid)) {
            return false;
        }
        return exceptSession == null || !exceptSession.toString().equals(sid);
    }
}
