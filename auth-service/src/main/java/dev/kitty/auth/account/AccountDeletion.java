package dev.kitty.auth.account;

import dev.kitty.platform.messaging.EventMetadata;
import dev.kitty.platform.messaging.IntegrationEventListener;
import dev.kitty.user.events.UserDeleted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * A user deleted in user-service loses their credentials here: the account goes, and with it
 * every token that could still be exchanged for access. Already-issued access tokens expire
 * within their short lifetime.
 */
@Component
class AccountDeletion {

    private static final Logger log = LoggerFactory.getLogger(AccountDeletion.class);

    private final AccountRepository accounts;
    private final ApplicationEventPublisher events;

    AccountDeletion(AccountRepository accounts, ApplicationEventPublisher events) {
        this.accounts = accounts;
        this.events = events;
    }

    /** The id is this listener's dedupe key in {@code processed_event}: never change it. */
    @IntegrationEventListener(id = "auth.account.user-deleted")
    void on(UserDeleted event, EventMetadata metadata) {
        // Dependants first (tokens reference the account), and even when the account is
        // already gone, so that a half-finished earlier deletion is completed.
        events.publishEvent(new AccountDeleted(event.userId()));
        accounts.findById(event.userId()).ifPresent(account -> {
            accounts.delete(account);
            log.info("Deleted account {} after {} ({})", account.id(), metadata.type(), metadata.id());
        });
    }
}
