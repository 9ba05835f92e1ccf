package dev.kitty.auth.session;

import dev.kitty.auth.account.Account;
import dev.kitty.auth.account.AccountRepository;
import dev.kitty.platform.web.ApiProblem;
import java.util.List;
import java.util.UUID;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Email and password for a token pair. Unknown address, wrong password and an account that
 * may not sign in get the same answer after the same work (one password hash check), so
 * the response tells an attacker nothing about which addresses have accounts.
 */
@Service
class Login {

    static final List<String> PASSWORD = List.of("pwd");

    private final AccountRepository accounts;
    private final PasswordEncoder passwordEncoder;
    private final Sessions sessions;
    /** Checked against when the address is unknown, so that case costs as much as a wrong password. */
    private final String decoyHash;

    Login(AccountRepository accounts, PasswordEncoder passwordEncoder, Sessions sessions) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.sessions = sessions;
        this.decoyHash = passwordEncoder.encode(UUID.randomUUID().toString());
    }

    @Transactional
    IssuedTokens login(String email, String password) {
        var found = accounts.findByEmail(Account.normaliseEmail(email));
        if (found.isEmpty()) {
            passwordEncoder.matches(password, decoyHash);
            throw invalidCredentials();
        }
        var account = found.get();
        if (!passwordEncoder.matches(password, account.passwordHash()) || !account.canSignIn()) {
            throw invalidCredentials();
        }
        if (passwordEncoder.upgradeEncoding(account.passwordHash())) {
            account.rehashPassword(passwordEncoder.encode(password));
        }
        return sessions.start(account, PASSWORD);
    }

    static ApiProblem invalidCredentials() {
        return ApiProblem.unauthorized("invalid-credentials", "The email address or the password is wrong.");
    }
}
