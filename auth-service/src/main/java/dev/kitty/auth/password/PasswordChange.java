package dev.kitty.auth.password;

import dev.kitty.auth.account.Account;
import dev.kitty.auth.account.Accounts;
import dev.kitty.auth.account.CredentialsChanged;
import dev.kitty.auth.registration.PasswordPolicy;
import dev.kitty.auth.throttle.LoginThrottle;
import dev.kitty.platform.web.DomainException;
import dev.kitty.platform.web.FieldError;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A signed-in user replaces their password, proving they know the current one (OWASP ASVS 5.0
 * 6.2.3), so that a borrowed access token alone cannot take the account over. A wrong current
 * password counts toward the login throttle (ASVS 6.3.1). The new one meets the registration
 * policy (ASVS 6.2.1, 6.2.4). Every other session ends (ASVS 7.4.3); the caller's, named by the
 * access token's {@code sid}, stays.
 */
@Service
class PasswordChange {

    private final Accounts accounts;
    private final PasswordEncoder passwordEncoder;
    private final PasswordPolicy policy;
    private final LoginThrottle throttle;
    private final Clock clock;

    PasswordChange(Accounts accounts, PasswordEncoder passwordEncoder, PasswordPolicy policy, LoginThrottle throttle, Clock clock) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.policy = policy;
        this.throttle = throttle;
        this.clock = clock;
    }

    /** @param sessionClaim the caller's {@code sid}: that session survives; absent, every session ends */
    @Transactional
    void change(UUID accountId, String address, @Nullable String sessionClaim, String currentPassword, String newPassword) {
        var account = accounts.findById(accountId).filter(Account::canSignIn)
                .orElseThrow(() -> new DomainException.Unauthenticated("invalid-credentials", "This account cannot sign in."));
        throttle.check(account.email(), address);
        if (!passwordEncoder.matches(currentPassword, account.passwordHash())) {
            throttle.recordFailure(account.email(), address);
            throw new DomainException.Invalid("wrong-password", "The current password is wrong.",
                    List.of(new FieldError("currentPassword", "is wrong")));
        }
        policy.requireAcceptable(newPassword, account.email(), "newPassword");
        account.changePassword(passwordEncoder.encode(newPassword), CredentialsChanged.sessionOf(sessionClaim), clock.instant());
        accounts.save(account);
        throttle.recordSuccess(account.email(), address);
    }
}
