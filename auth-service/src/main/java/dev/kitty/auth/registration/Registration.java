package dev.kitty.auth.registration;

import dev.kitty.auth.account.Account;
import dev.kitty.auth.account.Accounts;
import dev.kitty.platform.web.DomainException;
import java.time.Clock;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates an account and, in the same transaction, announces it and asks for the address to be verified. */
@Service
class Registration {

    private final Accounts accounts;
    private final PasswordPolicy passwordPolicy;
    private final PasswordEncoder passwordEncoder;
    private final EmailVerification emailVerification;
    private final Clock clock;

    Registration(Accounts accounts, PasswordPolicy passwordPolicy, PasswordEncoder passwordEncoder,
            EmailVerification emailVerification, Clock clock) {
        this.accounts = accounts;
        this.passwordPolicy = passwordPolicy;
        this.passwordEncoder = passwordEncoder;
        this.emailVerification = emailVerification;
        this.clock = clock;
    }

    /**
     * @param email already normalised
     * @throws DomainException {@code weak-password} or {@code email-taken}; nothing is stored then
     */
    @Transactional
    Account register(String email, String password, String displayName) {
        passwordPolicy.requireAcceptable(password, email, "password");
        if (accounts.existsByEmail(email)) {
            throw emailTaken();
        }
        var account = Account.register(email, passwordEncoder.encode(password), displayName, clock.instant());
        try {
            accounts.saveAndFlush(account);
        } catch (DataIntegrityViolationException e) {
            throw emailTaken(); // lost a race with a concurrent registration of the same address
        }
        emailVerification.request(account, displayName);
        return account;
    }

    private static DomainException.Conflict emailTaken() {
        return new DomainException.Conflict("email-taken", "An account with this email address already exists.");
    }
}
