package dev.kitty.auth.password;

import dev.kitty.auth.account.Account;
import dev.kitty.auth.account.AccountDeleted;
import dev.kitty.auth.account.Accounts;
import dev.kitty.auth.account.CredentialsChanged;
import dev.kitty.auth.registration.PasswordPolicy;
import dev.kitty.auth.secret.OpaqueToken;
import dev.kitty.auth.throttle.LoginThrottle;
import dev.kitty.auth.throttle.RequestThrottle;
import dev.kitty.platform.web.DomainException;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * "Forgot password" by mail. A request is answered 202 at once, for every address alike, and
 * the lookup happens afterwards in the background: neither the answer nor its timing says
 * whether an account exists (OWASP ASVS 5.0 6.3.8). For an active account, a 256-bit single-use
 * token (stored as SHA-256) goes out in {@code PasswordResetRequested}; notification-service mails
 * it (docs/adr/0003). The newest link voids the older ones; it expires after an hour.
 *
 * <p>A completed reset ends every session (ASVS 7.4.3) and lifts the account's login lockout,
 * but it does not switch off 2FA: the next login still asks for the second factor (ASVS 6.4.3).
 */
@Service
class PasswordReset implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(PasswordReset.class);

    /** 256 bits, well above ASVS's 128-bit floor for such tokens. */
    static final int TOKEN_BYTES = 32;

    private final Accounts accounts;
    private final PasswordResetTokenRepository tokens;
    private final PasswordEncoder passwordEncoder;
    private final PasswordPolicy policy;
    private final RequestThrottle requestThrottle;
    private final LoginThrottle loginThrottle;
    private final ApplicationEventPublisher events;
    private final PasswordResetProperties properties;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final SimpleAsyncTaskExecutor background;

    PasswordReset(Accounts accounts, PasswordResetTokenRepository tokens, PasswordEncoder passwordEncoder,
            PasswordPolicy policy, RequestThrottle requestThrottle, LoginThrottle loginThrottle,
            ApplicationEventPublisher events, PasswordResetProperties properties, Clock clock,
            PlatformTransactionManager transactionManager) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.passwordEncoder = passwordEncoder;
        this.policy = policy;
        this.requestThrottle = requestThrottle;
        this.loginThrottle = loginThrottle;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactionManager);
        this.background = new SimpleAsyncTaskExecutor("password-reset-");
        this.background.setVirtualThreads(true);
        // the request throttle already bounds the rate; this bounds the burst
        this.background.setConcurrencyLimit(8);
        this.background.setTaskTerminationTimeout(5_000);
    }

    /**
     * Accepts a reset request; returns before anyone has looked the address up.
     *
     * @throws DomainException.Throttled when too many resets were requested from this client or for this address
     */
    void request(String email, String clientAddress) {
        requestThrottle.passwordResetRequest(email, clientAddress);
        var normalised = Account.normaliseEmail(email);
        background.execute(() -> {
            try {
                transaction.executeWithoutResult(status -> issueToken(normalised));
            } catch (RuntimeException e) {
                log.warn("Could not issue a password reset token", e);
            }
        });
    }

    private void issueToken(String email) {
        accounts.findByEmail(email).filter(Account::canSignIn).ifPresent(account -> {
            var now = clock.instant();
            var token = OpaqueToken.generate(TOKEN_BYTES);
            var expiresAt = now.plus(properties.ttl());
            tokens.save(PasswordResetToken.issue(token.hash(), account.id(), now, expiresAt));
            tokens.deleteOthers(account.id(), token.hash());
            // the plain token exists only in this event, on its way to the mail; the table keeps its hash
            events.publishEvent(new PasswordResetIssued(account.id(), account.email(), token.value(), expiresAt));
        });
    }

    /**
     * @throws DomainException.Invalid {@code invalid-token} (unknown, expired, used or superseded) or
     *                    {@code weak-password}; the token stays usable after a weak password
     */
    @Transactional
    void reset(String presentedToken, String newPassword) {
        var now = clock.instant();
        var token = tokens.findByTokenHash(OpaqueToken.hashOf(presentedToken))
                .filter(candidate -> candidate.usableAt(now))
                .orElseThrow(PasswordReset::invalidToken);
        var account = accounts.findById(token.accountId()).filter(Account::canSignIn).orElseThrow(PasswordReset::invalidToken);
        policy.requireAcceptable(newPassword, account.email(), "newPassword");
        token.consume(now);
        tokens.deleteOthers(account.id(), token.tokenHash());
        account.resetPassword(passwordEncoder.encode(newPassword), now);
        accounts.save(account);
        loginThrottle.forgiveAccount(account.email());
    }

    @EventListener
    void on(AccountDeleted deleted) {
        tokens.deleteByAccountId(deleted.accountId());
    }

    @Override
    public void destroy() {
        background.close();
    }

    private static DomainException.Invalid invalidToken() {
        return new DomainException.Invalid("invalid-token", "The reset link is invalid, has expired or was already used.");
    }
}
