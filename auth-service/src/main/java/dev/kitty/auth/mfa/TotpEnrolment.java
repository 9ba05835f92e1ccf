package dev.kitty.auth.mfa;

import dev.kitty.auth.account.CredentialsChanged;
import dev.kitty.auth.throttle.LoginThrottle;
import dev.kitty.platform.web.DomainException;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turning TOTP on and off. Enrolment hands out a fresh seed that counts for nothing until a
 * code from it is confirmed; confirming switches 2FA on and returns recovery codes once;
 * switching it off needs a current code or a recovery code, so a stolen access token alone
 * cannot remove the second factor (OWASP ASVS 5.0 6.5.6 for revocation by its owner). Wrong
 * codes count toward the same throttle as failed logins. Both changes end the caller's other
 * sessions (ASVS 7.4.3).
 */
@Service
class TotpEnrolment {

    private final TotpCredentialRepository credentials;
    private final RecoveryCodeRepository recoveryCodes;
    private final TotpSecrets secrets;
    private final Mfa mfa;
    private final LoginThrottle throttle;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Totp totp = new Totp();

    TotpEnrolment(TotpCredentialRepository credentials, RecoveryCodeRepository recoveryCodes, TotpSecrets secrets, Mfa mfa,
            LoginThrottle throttle, ApplicationEventPublisher events, Clock clock) {
        this.credentials = credentials;
        this.recoveryCodes = recoveryCodes;
        this.secrets = secrets;
        this.mfa = mfa;
        this.throttle = throttle;
        this.events = events;
        this.clock = clock;
    }

    /** The calling user, as their access token and connection describe them. */
    record Caller(UUID accountId, String email, String address, @Nullable String sessionClaim) {}

    /** A pending seed, as the user's app needs it. */
    record Enrolment(String secret, String otpauthUri, String qrCodePng) {}

    @Transactional
    Enrolment start(Caller caller) {
        var now = clock.instant();
        var secret = totp.newSecret();
        var sealed = secrets.seal(secret, caller.accountId());
        var existing = credentials.findForUpdate(caller.accountId());
        if (existing.isPresent()) {
            if (existing.get().enabled()) {
                throw alreadyEnabled();
            }
            existing.get().restart(sealed, secrets.scheme(), now);
        } else {
            credentials.save(TotpCredential.enrol(caller.accountId(), sealed, secrets.scheme(), now));
        }
        return new Enrolment(secret, Totp.otpauthUri(secret, caller.email()), Totp.qrCodePng(secret, caller.email()));
    }

    /** @return the recovery codes, in plain text for this one response only */
    @Transactional
    List<String> confirm(Caller caller, String code) {
        throttle.check(caller.email(), caller.address());
        var credential = credentials.findForUpdate(caller.accountId())
                .orElseThrow(() -> new DomainException.Conflict("mfa-not-enrolling", "Start the enrolment first: POST /api/auth/mfa/totp."));
        if (credential.enabled()) {
            throw alreadyEnabled();
        }
        var now = clock.instant();
        var step = totp.matchingStep(secrets.open(credential), code, now, credential.lastUsedStep());
        if (step.isEmpty()) {
            throw invalidCode(caller);
        }
        credential.enable(step.getAsLong(), now, caller.email());
        credentials.save(credential);
        recoveryCodes.deleteByAccountId(caller.accountId());
        var codes = RecoveryCodes.generate();
        recoveryCodes.saveAll(codes.stream().map(plain -> RecoveryCode.issue(caller.accountId(), RecoveryCodes.hash(plain), now)).toList());
        throttle.recordSuccess(caller.email(), caller.address());
        events.publishEvent(CredentialsChanged.keepingSession(caller.accountId(), CredentialsChanged.What.SECOND_FACTOR_CHANGED, caller.sessionClaim()));
        return codes;
    }

    /** @param code a current TOTP code or an unused recovery code */
    @Transactional
    void disable(Caller caller, String code) {
        throttle.check(caller.email(), caller.address());
        var credential = credentials.findForUpdate(caller.accountId()).filter(TotpCredential::enabled)
                .orElseThrow(() -> new DomainException.Conflict("mfa-not-enabled", "Two-factor authentication is not on."));
        var now = clock.instant();
        var accepted = Totp.looksLikeCode(code)
                ? mfa.acceptTotp(credential, code, now)
                : mfa.consumeRecoveryCode(caller.accountId(), code, now);
        if (!accepted) {
            throw invalidCode(caller);
        }
        recoveryCodes.deleteByAccountId(caller.accountId());
        credential.disable(now, caller.email());
        credentials.delete(credential);
        throttle.recordSuccess(caller.email(), caller.address());
        events.publishEvent(CredentialsChanged.keepingSession(caller.accountId(), CredentialsChanged.What.SECOND_FACTOR_CHANGED, caller.sessionClaim()));
    }

    private DomainException.Invalid invalidCode(Caller caller) {
        throttle.recordFailure(caller.email(), caller.address());
        return new DomainException.Invalid("invalid-code", "The code is wrong, expired or was already used.");
    }

    private static DomainException.Conflict alreadyEnabled() {
        return new DomainException.Conflict("mfa-already-enabled", "Two-factor authentication is already on. Disable it first to enrol again.");
    }

}
