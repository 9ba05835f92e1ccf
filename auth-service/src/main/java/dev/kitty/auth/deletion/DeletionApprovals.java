package dev.kitty.auth.deletion;

import dev.kitty.auth.account.Account;
import dev.kitty.auth.account.AccountStatus;
import dev.kitty.auth.account.Accounts;
import dev.kitty.auth.account.StoredRoles;
import dev.kitty.auth.account.SystemRole;
import dev.kitty.auth.mfa.Mfa;
import dev.kitty.auth.throttle.LoginThrottle;
import dev.kitty.platform.web.DomainException;
import dev.kitty.platform.web.FieldError;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Decides whether an account may be deleted, for user-service (docs/adr/0012). Changes nothing but a
 * spent second-factor code: the account goes when user-service's {@code UserDeleted} comes back.
 *
 * <ul>
 *   <li>One's own account: the password (OWASP ASVS 5.0 6.2.3-style re-authentication) and, with 2FA on, a
 *       TOTP or recovery code, checked like a login and throttled per account like one (ASVS 6.3.1); the last
 *       active super user may not leave (409 {@code last-super-user}).</li>
 *   <li>Someone else's: the caller's <em>stored</em> roles must be ADMIN or SUPER_USER ({@link StoredRoles}), only
 *       a SUPER_USER may delete an ADMIN or SUPER_USER, and never the last active super user.</li>
 * </ul>
 */
@Service
class DeletionApprovals {

    private static final Logger log = LoggerFactory.getLogger(DeletionApprovals.class);

    private final Accounts accounts;
    private final StoredRoles storedRoles;
    private final ActiveSuperUsers superUsers;
    private final PasswordEncoder passwordEncoder;
    private final Mfa mfa;
    private final LoginThrottle throttle;

    DeletionApprovals(Accounts accounts, StoredRoles storedRoles, ActiveSuperUsers superUsers, PasswordEncoder passwordEncoder, Mfa mfa,
            LoginThrottle throttle) {
        this.accounts = accounts;
        this.storedRoles = storedRoles;
        this.superUsers = superUsers;
        this.passwordEncoder = passwordEncoder;
        this.mfa = mfa;
        this.throttle = throttle;
    }

    /** What the caller typed to prove they own the account; only consulted for their own. */
    record Proof(@Nullable String password, @Nullable String otp, @Nullable String recoveryCode) {

        @Override
        public String toString() {
            return "Proof[secrets redacted]";
        }
    }

    /**
     * @throws DomainException refused: {@code Unauthenticated} ({@code invalid-credentials}, {@code mfa-required}),
     *         {@code Throttled}, {@code Invalid} (no password for one's own), {@code Forbidden}, {@code NotFound},
     *         {@code Conflict} ({@code last-super-user})
     */
    @Transactional
    void approve(UUID callerId, UUID targetId, Proof proof) {
        if (callerId.equals(targetId)) {
            approveOwn(callerId, proof);
        } else {
            approveOther(callerId, targetId);
        }
    }

    private void approveOwn(UUID accountId, Proof proof) {
        if (proof.password() == null || proof.password().isEmpty()) {
            throw new DomainException.Invalid("validation", "Deleting your own account needs your password.",
                    List.of(new FieldError("password", "must not be empty")));
        }
        var account = accounts.findById(accountId).filter(Account::canSignIn).orElseThrow(DeletionApprovals::invalidCredentials);
        throttle.checkAccount(account.email());
        if (!passwordEncoder.matches(proof.password(), account.passwordHash())) {
            throttle.recordAccountFailure(account.email());
            throw invalidCredentials();
        }
        switch (mfa.verify(account.id(), proof.otp(), proof.recoveryCode())) {
            case NOT_ENABLED, ACCEPTED -> { }
            case MISSING -> throw new DomainException.Unauthenticated("mfa-required",
                    "This account has two-factor authentication on: send the current code as otp, or a recovery code as recoveryCode.");
            case REJECTED -> {
                throttle.recordAccountFailure(account.email());
                throw invalidCredentials();
            }
        }
        throttle.forgiveAccount(account.email());
        requireNotLastSuperUser(account);
        log.info("Deletion of account {} approved for its owner", accountId);
    }

    private void approveOther(UUID callerId, UUID targetId) {
        var caller = storedRoles.require(callerId, SystemRole.ADMIN, SystemRole.SUPER_USER);
        var target = accounts.findById(targetId).orElseThrow(() -> new DomainException.NotFound("No such user."));
        var privileged = target.hasRole(SystemRole.ADMIN) || target.hasRole(SystemRole.SUPER_USER);
        if (privileged && !caller.hasRole(SystemRole.SUPER_USER)) {
            throw new DomainException.Forbidden("Only a super user may delete an administrator.");
        }
        requireNotLastSuperUser(target);
        log.info("Deletion of account {} approved for administrator {}", targetId, callerId);
    }

    /**
     * Nobody could grant SUPER_USER again short of the bootstrap. Checked at approval; two approvals racing for
     * the last two super users can both pass (ADR 0012), as can a demotion racing a deletion.
     */
    private void requireNotLastSuperUser(Account account) {
        if (account.hasRole(SystemRole.SUPER_USER) && account.status() == AccountStatus.ACTIVE
                && superUsers.countOtherThan(account.id()) == 0) {
            throw new DomainException.Conflict("last-super-user",
                    "This is the last active super user. Make someone else super user before deleting this account.");
        }
    }

    private static DomainException.Unauthenticated invalidCredentials() {
        return new DomainException.Unauthenticated("invalid-credentials", "The password or the code is wrong.");
    }
}
