package dev.kitty.auth.messaging;

import dev.kitty.auth.account.AccountDeleted;
import dev.kitty.auth.account.AccountLocked;
import dev.kitty.auth.account.AccountRegistered;
import dev.kitty.auth.account.CredentialsChanged;
import dev.kitty.auth.account.EmailAddressVerified;
import dev.kitty.auth.account.RolesChanged;
import dev.kitty.auth.account.SecurityChanged;
import dev.kitty.auth.password.PasswordResetIssued;
import dev.kitty.auth.pat.PersonalAccessTokenRevoked;
import dev.kitty.auth.registration.EmailVerificationIssued;
import dev.kitty.identity.events.AccountSecurityChanged;
import dev.kitty.identity.events.CredentialsRevoked;
import dev.kitty.identity.events.EmailVerificationRequested;
import dev.kitty.identity.events.EmailVerified;
import dev.kitty.identity.events.IdentityEvents;
import dev.kitty.identity.events.PasswordResetRequested;
import dev.kitty.identity.events.UserRegistered;
import dev.kitty.platform.messaging.IntegrationEvents;
import dev.kitty.platform.revocation.RevokedCredentials;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The one place where this service's domain events become its public integration events
 * ({@code identity.events}). Synchronous listeners on purpose: they run in the transaction that
 * made the change, so an event enters the outbox if and only if the change commits.
 *
 * <p>Revocations ({@link CredentialsRevoked}) are also recorded in this instance's own deny-list as
 * soon as the transaction commits, without waiting for the event to come back from Kafka: the
 * caller's next request may land here first, and the tokens this instance issues next must be
 * dated after the revocation.
 */
@Component
class IdentityEventTranslator {

    private final IntegrationEvents integrationEvents;
    private final ObjectProvider<RevokedCredentials> localDenyList;
    private final Clock clock;

    IdentityEventTranslator(IntegrationEvents integrationEvents, ObjectProvider<RevokedCredentials> localDenyList, Clock clock) {
        this.integrationEvents = integrationEvents;
        this.localDenyList = localDenyList;
        this.clock = clock;
    }

    @EventListener
    void on(AccountRegistered registered) {
        integrationEvents.publish(IdentityEvents.USER_REGISTERED,
                new UserRegistered(registered.accountId(), registered.email(), registered.displayName(), registered.registeredAt()));
    }

    @EventListener
    void on(EmailVerificationIssued issued) {
        integrationEvents.publish(IdentityEvents.EMAIL_VERIFICATION_REQUESTED, new EmailVerificationRequested(issued.accountId(),
                issued.email(), issued.displayName(), issued.token(), issued.expiresAt()));
    }

    @EventListener
    void on(EmailAddressVerified verified) {
        integrationEvents.publish(IdentityEvents.EMAIL_VERIFIED, new EmailVerified(verified.accountId(), verified.email(),
                verified.verifiedAt()));
    }

    @EventListener
    void on(PasswordResetIssued issued) {
        integrationEvents.publish(IdentityEvents.PASSWORD_RESET_REQUESTED,
                new PasswordResetRequested(issued.accountId(), issued.email(), issued.token(), issued.expiresAt()));
    }

    @EventListener
    void on(CredentialsChanged changed) {
        var reason = switch (changed.what()) {
            case PASSWORD_CHANGED -> CredentialsRevoked.REASON_PASSWORD_CHANGED;
            case PASSWORD_RESET -> CredentialsRevoked.REASON_PASSWORD_RESET;
            case SECOND_FACTOR_CHANGED -> CredentialsRevoked.REASON_SECOND_FACTOR_CHANGED;
        };
        revoke(new CredentialsRevoked(changed.accountId(), reason, clock.instant(), null, changed.keepSession()));
    }

    @EventListener
    void on(PersonalAccessTokenRevoked revoked) {
        revoke(new CredentialsRevoked(revoked.accountId(), CredentialsRevoked.REASON_PERSONAL_ACCESS_TOKEN_REVOKED,
                revoked.revokedAt(), revoked.tokenId(), null));
    }

    @EventListener
    void on(AccountLocked locked) {
        revoke(CredentialsRevoked.allTokens(locked.accountId(), CredentialsRevoked.REASON_ACCOUNT_LOCKED, clock.instant()));
    }

    @EventListener
    void on(AccountDeleted deleted) {
        revoke(CredentialsRevoked.allTokens(deleted.accountId(), CredentialsRevoked.REASON_ACCOUNT_DELETED, clock.instant()));
    }

    @EventListener
    void on(RolesChanged changed) {
        revoke(CredentialsRevoked.allTokens(changed.accountId(), CredentialsRevoked.REASON_ROLES_CHANGED, clock.instant()));
    }

    @EventListener
    void on(SecurityChanged changed) {
        var change = switch (changed.change()) {
            case PASSWORD_CHANGED -> AccountSecurityChanged.CHANGE_PASSWORD_CHANGED;
            case PASSWORD_RESET -> AccountSecurityChanged.CHANGE_PASSWORD_RESET;
            case TWO_FACTOR_ENABLED -> AccountSecurityChanged.CHANGE_TWO_FACTOR_ENABLED;
            case TWO_FACTOR_DISABLED -> AccountSecurityChanged.CHANGE_TWO_FACTOR_DISABLED;
            case PERSONAL_ACCESS_TOKEN_CREATED -> AccountSecurityChanged.CHANGE_PERSONAL_ACCESS_TOKEN_CREATED;
            case ACCOUNT_LOCKED -> AccountSecurityChanged.CHANGE_ACCOUNT_LOCKED;
        };
        integrationEvents.publish(IdentityEvents.ACCOUNT_SECURITY_CHANGED,
                new AccountSecurityChanged(changed.accountId(), changed.email(), change, changed.detail(), changed.occurredAt()));
    }

    private void revoke(CredentialsRevoked revocation) {
        integrationEvents.publish(IdentityEvents.CREDENTIALS_REVOKED, revocation);
        localDenyList.ifAvailable(denyList -> TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                denyList.record(revocation);
            }
        }));
    }
}
