package dev.kitty.auth.revocation;

import dev.kitty.auth.account.AccountDeleted;
import dev.kitty.auth.account.AccountLocked;
import dev.kitty.auth.account.CredentialsChanged;
import dev.kitty.auth.account.RolesChanged;
import dev.kitty.auth.pat.PersonalAccessTokenRevoked;
import dev.kitty.identity.events.CredentialsRevoked;
import dev.kitty.identity.events.IdentityEvents;
import dev.kitty.platform.messaging.IntegrationEvents;
import dev.kitty.platform.revocation.RevokedCredentials;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Translates the domain events that end credentials into {@link CredentialsRevoked}, published
 * through the outbox in the same transaction: the gateway drops the account's cached Basic tokens
 * and every resource server refuses the tokens the revocation covers, within a second of the
 * commit instead of at their expiry.
 *
 * <p>This instance also records the revocation in its own deny-list as soon as the transaction
 * commits, without waiting for the event to come back from Kafka: the caller's next request may
 * land here first, and the tokens this instance issues next must be dated after it.
 */
@Component
class CredentialRevocations {

    private final IntegrationEvents integrationEvents;
    private final ObjectProvider<RevokedCredentials> localDenyList;
    private final Clock clock;

    CredentialRevocations(IntegrationEvents integrationEvents, ObjectProvider<RevokedCredentials> localDenyList, Clock clock) {
        this.integrationEvents = integrationEvents;
        this.localDenyList = localDenyList;
        this.clock = clock;
    }

    @EventListener
    void on(CredentialsChanged changed) {
        var reason = switch (changed.what()) {
            case PASSWORD_CHANGED -> CredentialsRevoked.REASON_PASSWORD_CHANGED;
            case PASSWORD_RESET -> CredentialsRevoked.REASON_PASSWORD_RESET;
            case SECOND_FACTOR_CHANGED -> CredentialsRevoked.REASON_SECOND_FACTOR_CHANGED;
        };
        publish(new CredentialsRevoked(changed.accountId(), reason, clock.instant(), null, changed.keepSession()));
    }

    @EventListener
    void on(PersonalAccessTokenRevoked revoked) {
        publish(new CredentialsRevoked(revoked.accountId(), CredentialsRevoked.REASON_PERSONAL_ACCESS_TOKEN_REVOKED,
                revoked.revokedAt(), revoked.tokenId(), null));
    }

    @EventListener
    void on(AccountLocked locked) {
        publish(CredentialsRevoked.allTokens(locked.accountId(), CredentialsRevoked.REASON_ACCOUNT_LOCKED, clock.instant()));
    }

    @EventListener
    void on(AccountDeleted deleted) {
        publish(CredentialsRevoked.allTokens(deleted.accountId(), CredentialsRevoked.REASON_ACCOUNT_DELETED, clock.instant()));
    }

    @EventListener
    void on(RolesChanged changed) {
        publish(CredentialsRevoked.allTokens(changed.accountId(), CredentialsRevoked.REASON_ROLES_CHANGED, clock.instant()));
    }

    private void publish(CredentialsRevoked revocation) {
        integrationEvents.publish(IdentityEvents.CREDENTIALS_REVOKED, revocation);
        localDenyList.ifAvailable(denyList -> TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                denyList.record(revocation);
            }
        }));
    }
}
