package dev.kitty.auth.registration;

import dev.kitty.auth.account.Account;
import dev.kitty.auth.account.AccountDeleted;
import dev.kitty.auth.account.Accounts;
import dev.kitty.auth.config.AuthProperties;
import dev.kitty.auth.secret.OpaqueToken;
import dev.kitty.identity.events.EmailVerificationRequested;
import dev.kitty.platform.web.DomainException;
import java.time.Clock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Proves that a user reads mail at their address: a single-use link token goes out with
 * {@code EmailVerificationRequested} (notification-service mails it), and coming back with it
 * marks the address verified.
 */
@Service
class EmailVerification {

    /** 256 bits: unguessable even with the token table in hand, since it holds only hashes. */
    static final int TOKEN_BYTES = 32;

    private final EmailVerificationTokenRepository tokens;
    private final Accounts accounts;
    private final ApplicationEventPublisher events;
    private final AuthProperties properties;
    private final Clock clock;

    EmailVerification(EmailVerificationTokenRepository tokens, Accounts accounts, ApplicationEventPublisher events,
            AuthProperties properties, Clock clock) {
        this.tokens = tokens;
        this.accounts = accounts;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void request(Account account, String displayName) {
        var token = OpaqueToken.generate(TOKEN_BYTES);
        var now = clock.instant();
        var expiresAt = now.plus(properties.emailVerificationTtl());
        tokens.save(EmailVerificationToken.issue(token.hash(), account.id(), account.email(), now, expiresAt));
        // the plain token exists only in this event, on its way to the mail; the table keeps its hash
        events.publishEvent(new EmailVerificationIssued(account.id(), account.email(), displayName, token.value(), expiresAt));
    }

    @Transactional
    void verify(String presentedToken) {
        var now = clock.instant();
        var token = tokens.findByTokenHash(OpaqueToken.hashOf(presentedToken))
                .filter(candidate -> candidate.usableAt(now))
                .orElseThrow(EmailVerification::invalidToken);
        token.consume(now);
        var account = accounts.findById(token.accountId()).orElseThrow(EmailVerification::invalidToken);
        if (account.emailVerified() && account.email().equals(token.email())) {
            return;
        }
        if (!account.verifyEmail(token.email(), now)) {
            throw invalidToken(); // the address changed after the link was sent
        }
        accounts.save(account);
    }

    @EventListener
    void on(AccountDeleted deleted) {
        tokens.deleteByAccountId(deleted.accountId());
    }

    private static DomainException.Invalid invalidToken() {
        return new DomainException.Invalid("invalid-token", "The verification link is invalid, has expired or was already used.");
    }
}
