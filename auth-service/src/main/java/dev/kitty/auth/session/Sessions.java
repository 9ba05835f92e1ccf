package dev.kitty.auth.session;

import dev.kitty.auth.account.Account;
import dev.kitty.auth.account.AccountDeleted;
import dev.kitty.auth.account.AccountLocked;
import dev.kitty.auth.account.Accounts;
import dev.kitty.auth.account.CredentialsChanged;
import dev.kitty.auth.config.AuthProperties;
import dev.kitty.auth.secret.OpaqueToken;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Login sessions as refresh-token families: started by a login, continued by rotation,
 * ended by logout, reuse of an exchanged token, a credential change (all but the changer's own
 * session), a lock, or deletion of the account. The family id is the access token's {@code sid}.
 */
@Service
class Sessions {

    private static final Logger log = LoggerFactory.getLogger(Sessions.class);

    /** 256 bits of randomness per refresh token. */
    static final int TOKEN_BYTES = 32;

    private final RefreshTokenRepository refreshTokens;
    private final Accounts accounts;
    private final AccessTokens accessTokens;
    private final AuthProperties properties;
    private final Clock clock;

    Sessions(RefreshTokenRepository refreshTokens, Accounts accounts, AccessTokens accessTokens,
            AuthProperties properties, Clock clock) {
        this.refreshTokens = refreshTokens;
        this.accounts = accounts;
        this.accessTokens = accessTokens;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    IssuedTokens start(Account account, List<String> authenticationMethods) {
        var now = clock.instant();
        var refresh = OpaqueToken.generate(TOKEN_BYTES);
        var first = refreshTokens.save(RefreshToken.startFamily(account.id(), refresh.hash(), authenticationMethods, now, refreshExpiry(now)));
        return issue(account, authenticationMethods, first.familyId(), refresh, now);
    }

    @Transactional
    RefreshOutcome refresh(String presentedToken) {
        var now = clock.instant();
        var found = refreshTokens.findByTokenHash(OpaqueToken.hashOf(presentedToken));
        if (found.isEmpty()) {
            return new RefreshOutcome.Refused("unknown refresh token");
        }
        var token = found.get();
        switch (token.stateAt(now)) {
            case USED -> {
                var revoked = refreshTokens.revokeFamily(token.familyId(), now);
                log.warn("Refresh token reuse for account {}: revoked family {} ({} tokens)", token.accountId(), token.familyId(), revoked);
                return new RefreshOutcome.Refused("reused refresh token");
            }
            case REVOKED, EXPIRED -> {
                return new RefreshOutcome.Refused(token.stateAt(now).name().toLowerCase() + " refresh token");
            }
            case USABLE -> {
                // rotate below
            }
        }
        var account = accounts.findById(token.accountId()).filter(Account::canSignIn);
        if (account.isEmpty()) {
            refreshTokens.revokeFamily(token.familyId(), now);
            return new RefreshOutcome.Refused("account gone or not allowed to sign in");
        }
        var successor = OpaqueToken.generate(TOKEN_BYTES);
        refreshTokens.save(token.rotate(successor.hash(), now, refreshExpiry(now)));
        return new RefreshOutcome.Refreshed(issue(account.get(), token.authenticationMethods(), token.familyId(), successor, now));
    }

    /** Ends the session the token belongs to. Unknown tokens are ignored: logout must not reveal anything. */
    @Transactional
    void end(String presentedToken) {
        refreshTokens.findByTokenHash(OpaqueToken.hashOf(presentedToken))
                .ifPresent(token -> refreshTokens.revokeFamily(token.familyId(), clock.instant()));
    }

    @EventListener
    void on(AccountDeleted deleted) {
        refreshTokens.deleteByAccountId(deleted.accountId());
    }

    @EventListener
    void on(AccountLocked locked) {
        var revoked = refreshTokens.revokeAccount(locked.accountId(), clock.instant());
        log.info("Account {} locked: revoked {} refresh token(s)", locked.accountId(), revoked);
    }

    @EventListener
    void on(CredentialsChanged changed) {
        var now = clock.instant();
        var revoked = changed.keepSession() == null
                ? refreshTokens.revokeAccount(changed.accountId(), now)
                : refreshTokens.revokeAccountExceptFamily(changed.accountId(), changed.keepSession(), now);
        log.info("Credentials of account {} changed: revoked {} refresh token(s) of other sessions", changed.accountId(), revoked);
    }

    private IssuedTokens issue(Account account, List<String> authenticationMethods, UUID session, OpaqueToken refresh,
            Instant now) {
        return new IssuedTokens(accessTokens.issue(account, authenticationMethods, session, now), accessTokens.ttl(), refresh.value());
    }

    private Instant refreshExpiry(Instant now) {
        return now.plus(properties.refreshTokenTtl());
    }
}
