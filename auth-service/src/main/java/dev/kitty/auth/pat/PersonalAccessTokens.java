package dev.kitty.auth.pat;

import dev.kitty.auth.account.AccountDeleted;
import dev.kitty.auth.account.AccountLocked;
import dev.kitty.auth.account.Accounts;
import dev.kitty.platform.web.DomainException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creating, listing and revoking a user's personal access tokens, and checking a presented one. */
@Service
public class PersonalAccessTokens {

    private static final Logger log = LoggerFactory.getLogger(PersonalAccessTokens.class);

    /** Bounds what one account can pile up (OWASP API4:2023, unrestricted resource consumption). */
    static final int MAX_USABLE_PER_ACCOUNT = 50;

    private final PersonalAccessTokenRepository tokens;
    private final Accounts accounts;
    private final Clock clock;

    PersonalAccessTokens(PersonalAccessTokenRepository tokens, Accounts accounts, Clock clock) {
        this.tokens = tokens;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** Whether a presented secret is meant as a personal access token rather than a password. */
    public static boolean looksLikeToken(String secret) {
        return PatSecret.hasPrefix(secret);
    }

    /**
     * The account a presented token belongs to, if the token is well-formed, known, matches,
     * and is neither revoked nor expired; records the use. Costs the same whether or not the
     * lookup id exists (one SHA-256), so nothing is learnt from timing.
     */
    @Transactional
    public Optional<Authenticated> authenticate(String presented) {
        var secret = PatSecret.parse(presented);
        if (secret.isEmpty()) {
            return Optional.empty();
        }
        var now = clock.instant();
        var found = tokens.findByLookupId(secret.get().lookupId());
        if (found.isEmpty()) {
            secret.get().hash();
            return Optional.empty();
        }
        var token = found.get();
        if (!token.matches(secret.get()) || !token.usableAt(now)) {
            return Optional.empty();
        }
        token.markUsed(now);
        return Optional.of(new Authenticated(token.accountId(), token.id()));
    }

    /**
     * A presented token that is valid.
     *
     * @param tokenId the session access tokens exchanged for it belong to ({@code sid}), so that revoking
     *                the token ends exactly them
     */
    public record Authenticated(UUID accountId, UUID tokenId) {}

    /** @param expiresIn {@code null}: until revoked */
    @Transactional
    CreatedToken create(UUID accountId, String name, @Nullable Duration expiresIn) {
        var account = accounts.findById(accountId).filter(a -> a.canSignIn())
                .orElseThrow(() -> new DomainException.Forbidden("This account cannot create access tokens."));
        var now = clock.instant();
        if (tokens.countUsable(account.id(), now) >= MAX_USABLE_PER_ACCOUNT) {
            throw new DomainException.Conflict("too-many-tokens",
                    "An account can hold at most " + MAX_USABLE_PER_ACCOUNT + " usable access tokens. Revoke one first.");
        }
        var secret = PatSecret.generate();
        var token = tokens.save(PersonalAccessToken.issue(account.id(), account.email(), name, secret, now, expiresIn == null ? null : now.plus(expiresIn)));
        log.info("Account {} created personal access token {}", accountId, token.id());
        return new CreatedToken(token, secret.value());
    }

    /** Every token not revoked, expired ones included so their owner sees why they stopped working. */
    @Transactional(readOnly = true)
    List<PersonalAccessToken> list(UUID accountId) {
        return tokens.findByAccountIdAndRevokedAtIsNullOrderByCreatedAtDesc(accountId);
    }

    /** Someone else's token, an unknown id and an already revoked token all look the same: not found. */
    @Transactional
    void revoke(UUID accountId, UUID tokenId) {
        var token = tokens.findByIdAndAccountId(tokenId, accountId).filter(t -> !t.revoked())
                .orElseThrow(() -> new DomainException.NotFound("No such access token."));
        token.revoke(clock.instant());
        tokens.save(token);
        log.info("Account {} revoked personal access token {}", accountId, tokenId);
    }

    @EventListener
    void on(AccountLocked locked) {
        var revoked = tokens.revokeAllOf(locked.accountId(), clock.instant());
        log.info("Revoked {} personal access token(s) of locked account {}", revoked, locked.accountId());
    }

    @EventListener
    void on(AccountDeleted deleted) {
        tokens.deleteByAccountId(deleted.accountId());
    }

    /** The plain token exists only here, on its way to the client. */
    record CreatedToken(PersonalAccessToken token, String value) {

        @Override
        public String toString() {
            return "CreatedToken[id=" + token.id() + ", value redacted]";
        }
    }
}
