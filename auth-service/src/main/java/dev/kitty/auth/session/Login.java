package dev.kitty.auth.session;

import dev.kitty.auth.account.Account;
import dev.kitty.auth.account.Accounts;
import dev.kitty.auth.mfa.Mfa;
import dev.kitty.auth.throttle.LoginThrottle;
import dev.kitty.platform.web.DomainException;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Email, password and, when the account has 2FA on, a TOTP or recovery code, for a token pair.
 *
 * <p>Unknown address, wrong password, wrong second factor and an account that may not sign in
 * (locked) get the same answer after the same work (one password hash check), so the response
 * tells an attacker nothing about which addresses have accounts (OWASP ASVS 5.0 6.3.8). The
 * throttle is consulted before any of that work, so a locked-out guesser learns nothing either
 * (ASVS 6.3.1). {@code mfa-required} comes only after the right password.
 */
@Service
class Login {

    static final List<String> PASSWORD = List.of("pwd");
    /**
     * RFC 8176 {@code otp} for a TOTP code and for a recovery code alike: a recovery code is a
     * one-time password too (a lookup secret), and clients need only know "second factor used".
     */
    static final List<String> PASSWORD_AND_OTP = List.of("pwd", "otp");

    private final Accounts accounts;
    private final PasswordEncoder passwordEncoder;
    private final Sessions sessions;
    private final Mfa mfa;
    private final LoginThrottle throttle;
    private final TransactionTemplate transaction;
    /** Checked against when the address is unknown, so that case costs as much as a wrong password. */
    private final String decoyHash;

    Login(Accounts accounts, PasswordEncoder passwordEncoder, Sessions sessions, Mfa mfa, LoginThrottle throttle,
            PlatformTransactionManager transactionManager) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.sessions = sessions;
        this.mfa = mfa;
        this.throttle = throttle;
        this.transaction = new TransactionTemplate(transactionManager);
        this.decoyHash = passwordEncoder.encode(UUID.randomUUID().toString());
    }

    /** What the caller typed, and where from ({@code request.getRemoteAddr()}). */
    record Attempt(String email, String password, @Nullable String otp, @Nullable String recoveryCode, String address) {

        @Override
        public String toString() {
            return "Attempt[email=" + email + ", address=" + address + ", secrets redacted]";
        }
    }

    /**
     * @throws DomainException {@code throttled}, {@code mfa-required} or {@code invalid-credentials}
     */
    IssuedTokens login(Attempt attempt) {
        throttle.check(attempt.email(), attempt.address());
        var outcome = transaction.execute(status -> {
            var result = authenticate(attempt);
            if (!(result instanceof Outcome.SignedIn)) {
                status.setRollbackOnly();
            }
            return result;
        });
        return switch (outcome) {
            case Outcome.SignedIn signedIn -> {
                throttle.recordSuccess(attempt.email(), attempt.address());
                yield signedIn.tokens();
            }
            case Outcome.SecondFactorMissing missing -> throw mfaRequired();
            case Outcome.Refused refused -> {
                throttle.recordFailure(attempt.email(), attempt.address());
                throw invalidCredentials();
            }
            case null -> throw new IllegalStateException("no login outcome");
        };
    }

    private Outcome authenticate(Attempt attempt) {
        var found = accounts.findByEmail(Account.normaliseEmail(attempt.email()));
        if (found.isEmpty()) {
            passwordEncoder.matches(attempt.password(), decoyHash);
            return new Outcome.Refused();
        }
        var account = found.get();
        if (!passwordEncoder.matches(attempt.password(), account.passwordHash()) || !account.canSignIn()) {
            return new Outcome.Refused();
        }
        return switch (mfa.verify(account.id(), attempt.otp(), attempt.recoveryCode())) {
            case NOT_ENABLED -> signIn(account, attempt.password(), PASSWORD);
            case ACCEPTED -> signIn(account, attempt.password(), PASSWORD_AND_OTP);
            case MISSING -> new Outcome.SecondFactorMissing();
            case REJECTED -> new Outcome.Refused();
        };
    }

    private Outcome signIn(Account account, String password, List<String> methods) {
        if (passwordEncoder.upgradeEncoding(account.passwordHash())) {
            account.rehashPassword(passwordEncoder.encode(password));
        }
        return new Outcome.SignedIn(sessions.start(account, methods));
    }

    private sealed interface Outcome {
        record SignedIn(IssuedTokens tokens) implements Outcome {}
        record SecondFactorMissing() implements Outcome {}
        record Refused() implements Outcome {}
    }

    static DomainException.Unauthenticated invalidCredentials() {
        return new DomainException.Unauthenticated("invalid-credentials", "The email address or the password is wrong.");
    }

    static DomainException.Unauthenticated mfaRequired() {
        return new DomainException.Unauthenticated("mfa-required",
                "This account has two-factor authentication on: send the current code as otp, or a recovery code as recoveryCode.");
    }
}
