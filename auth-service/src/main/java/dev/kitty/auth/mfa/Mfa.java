package dev.kitty.auth.mfa;

import dev.kitty.auth.account.AccountDeleted;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The second factor as the rest of the service sees it.
 *
 * <ul>
 *   <li>{@link #isEnabled(UUID)}: whether the account has TOTP 2FA on, e.g. to refuse password-only
 *       Basic authentication for it (the exchange endpoint answers 401 {@code mfa-required}).</li>
 *   <li>{@link #enabledAmong(Collection)}: the same for a page of accounts at once (admin lists).</li>
 *   <li>{@link #verify}: checks and spends a TOTP code or a recovery code inside the caller's
 *       transaction (login); a spent code never works again.</li>
 * </ul>
 */
@Service
public class Mfa {

    /** What a login's second factor amounts to. */
    public enum SecondFactor {
        /** The account has no second factor: the password was enough. */
        NOT_ENABLED,
        /** The account needs a second factor and none was given: answer {@code mfa-required}. */
        MISSING,
        /** A valid, unused TOTP code or recovery code; it is spent now. */
        ACCEPTED,
        /** Wrong, replayed, out-of-window or used code: a failed login. */
        REJECTED
    }

    private final TotpCredentialRepository credentials;
    private final RecoveryCodeRepository recoveryCodes;
    private final TotpSecrets secrets;
    private final Clock clock;
    private final Totp totp = new Totp();

    Mfa(TotpCredentialRepository credentials, RecoveryCodeRepository recoveryCodes, TotpSecrets secrets, Clock clock) {
        this.credentials = credentials;
        this.recoveryCodes = recoveryCodes;
        this.secrets = secrets;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public boolean isEnabled(UUID accountId) {
        return credentials.existsByAccountIdAndEnabledAtIsNotNull(accountId);
    }

    @Transactional(readOnly = true)
    public Set<UUID> enabledAmong(Collection<UUID> accountIds) {
        return accountIds.isEmpty() ? Set.of() : Set.copyOf(credentials.findEnabledAmong(accountIds));
    }

    /**
     * Checks the second factor of a login whose password was right. {@code otp} wins when both
     * are given. Runs in the caller's transaction: the spent code is remembered only if the login
     * commits.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public SecondFactor verify(UUID accountId, @Nullable String otp, @Nullable String recoveryCode) {
        var credential = credentials.findForUpdate(accountId).filter(TotpCredential::enabled);
        if (credential.isEmpty()) {
            return SecondFactor.NOT_ENABLED;
        }
        var now = clock.instant();
        if (otp != null && !otp.isBlank()) {
            return acceptTotp(credential.get(), otp, now) ? SecondFactor.ACCEPTED : SecondFactor.REJECTED;
        }
        if (recoveryCode != null && !recoveryCode.isBlank()) {
            return consumeRecoveryCode(accountId, recoveryCode, now) ? SecondFactor.ACCEPTED : SecondFactor.REJECTED;
        }
        return SecondFactor.MISSING;
    }

    /** Spends the TOTP code if it is valid now and newer than the last one used (RFC 6238 §5.2). */
    boolean acceptTotp(TotpCredential credential, String code, Instant now) {
        var step = totp.matchingStep(secrets.open(credential), code, now, credential.lastUsedStep());
        return step.isPresent() && credential.use(step.getAsLong());
    }

    boolean consumeRecoveryCode(UUID accountId, String code, Instant now) {
        var found = recoveryCodes.findByAccountIdAndCodeHash(accountId, RecoveryCodes.hash(code)).filter(RecoveryCode::usable);
        found.ifPresent(recovery -> recovery.consume(now));
        return found.isPresent();
    }

    @EventListener
    void on(AccountDeleted deleted) {
        recoveryCodes.deleteByAccountId(deleted.accountId());
        credentials.deleteByAccountId(deleted.accountId());
    }
}
