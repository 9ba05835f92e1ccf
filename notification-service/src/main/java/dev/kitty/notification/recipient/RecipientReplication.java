package dev.kitty.notification.recipient;

import dev.kitty.identity.events.UserRegistered;
import dev.kitty.notification.mail.Mails;
import dev.kitty.platform.messaging.IntegrationEventListener;
import dev.kitty.user.events.ProfileUpdated;
import dev.kitty.user.events.UserDeleted;
import java.time.Clock;
import org.springframework.stereotype.Component;

/**
 * Feeds {@link Recipients}. Mails written before a user's address was known wait in the outbox
 * and leave once it arrives. The ids are dedupe keys: never change them.
 */
@Component
class RecipientReplication {

    private final Recipients recipients;
    private final Mails mails;
    private final Clock clock;

    RecipientReplication(Recipients recipients, Mails mails, Clock clock) {
        this.recipients = recipients;
        this.mails = mails;
        this.clock = clock;
    }

    @IntegrationEventListener(id = "notification.recipient.user-registered")
    void on(UserRegistered event) {
        recipients.register(event.userId(), event.email(), event.displayName(), clock.instant());
        recipients.find(event.userId()).ifPresent(known -> mails.addressKnown(known.userId(), known.email()));
    }

    @IntegrationEventListener(id = "notification.recipient.profile-updated")
    void on(ProfileUpdated event) {
        recipients.update(event.userId(), event.email(), event.displayName(), event.version(), clock.instant());
        recipients.find(event.userId()).ifPresent(known -> mails.addressKnown(known.userId(), known.email()));
    }

    @IntegrationEventListener(id = "notification.recipient.user-deleted")
    void on(UserDeleted event) {
        recipients.forget(event.userId());
    }
}
