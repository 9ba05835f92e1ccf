package dev.kitty.auth.session;

/**
 * The result of presenting a refresh token. A refusal is a value rather than an exception so
 * that what the refusal changed (a revoked family) is committed, not rolled back.
 */
sealed interface RefreshOutcome {

    record Refreshed(IssuedTokens tokens) implements RefreshOutcome {}

    /** @param reason for the log only: the client learns nothing beyond "no" */
    record Refused(String reason) implements RefreshOutcome {}
}
