package dev.kitty.auth.mfa;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import dev.kitty.auth.account.SecurityChanged;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.AbstractAggregateRoot;

/**
 * An account's TOTP seed (RFC 6238), sealed at rest. Pending until a first code proves the
 * authenticator app has it; from then on every accepted code moves {@link #lastUsedStep}
 * forward, and a code of that step or an earlier one is refused (RFC 6238 §5.2: a verifier must
 * not accept the same OTP twice). Switching it on or off records {@link SecurityChanged} for the owner's
 * notice, published when the credential is saved or deleted.
 */
@Entity
@Table(name = "totp_credential")
class TotpCredential extends AbstractAggregateRoot<TotpCredential> {

    @Id
    private UUID accountId;

    private byte[] secret;

    private String secretProtection;

    private Instant createdAt;

    private @Nullable Instant enabledAt;

    private @Nullable Long lastUsedStep;

    @Version
    private @Nullable Long version;

    protected TotpCredential() {
        // for JPA
    }

    private TotpCredential(UUID accountId, byte[] sealedSecret, String protection, Instant now) {
        this.accountId = accountId;
        this.secret = sealedSecret.clone();
        this.secretProtection = protection;
        this.createdAt = now;
    }

    /** A pending enrolment: not a second factor until {@linkplain #enable confirmed}. */
    static TotpCredential enrol(UUID accountId, byte[] sealedSecret, String protection, Instant now) {
        return new TotpCredential(accountId, sealedSecret, protection, now);
    }

    /** Starting over before confirming replaces the seed; an enabled seed is never replaced in place. */
    void restart(byte[] sealedSecret, String protection, Instant now) {
        if (enabled()) {
            throw new IllegalStateException("two-factor authentication is on; disable it before enrolling again");
        }
        this.secret = sealedSecret.clone();
        this.secretProtection = protection;
        this.createdAt = now;
        this.lastUsedStep = null;
    }

    /**
     * Turns the second factor on with the code of {@code step} that proved it works; that code is now spent.
     *
     * @param ownerEmail the account's address, where the security notice goes
     */
    void enable(long step, Instant now, String ownerEmail) {
        if (enabled()) {
            throw new IllegalStateException("two-factor authentication is already on");
        }
        if (!use(step)) {
            throw new IllegalStateException("the confirming code was already used");
        }
        enabledAt = now;
        registerEvent(SecurityChanged.of(accountId, ownerEmail, SecurityChanged.Change.TWO_FACTOR_ENABLED, now));
    }

    /** Records that the second factor goes: the caller deletes the credential, which publishes it. */
    void disable(Instant now, String ownerEmail) {
        if (!enabled()) {
            throw new IllegalStateException("two-factor authentication is not on");
        }
        registerEvent(SecurityChanged.of(accountId, ownerEmail, SecurityChanged.Change.TWO_FACTOR_DISABLED, now));
    }

    /** The domain events recorded since the last save, for tests of the rules that record them. */
    java.util.Collection<Object> recordedEvents() {
        return domainEvents();
    }

    /** Spends the code of {@code step}; {@code false} for a replay (that step or an earlier one was used already). */
    boolean use(long step) {
        if (lastUsedStep != null && step <= lastUsedStep) {
            return false;
        }
        lastUsedStep = step;
        return true;
    }

    boolean enabled() {
        return enabledAt != null;
    }

    UUID accountId() {
        return accountId;
    }

    byte[] sealedSecret() {
        return secret.clone();
    }

    String secretProtection() {
        return secretProtection;
    }

    @Nullable Long lastUsedStep() {
        return lastUsedStep;
    }
}
