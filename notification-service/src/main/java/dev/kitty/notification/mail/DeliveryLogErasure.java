package dev.kitty.notification.mail;

import dev.kitty.platform.messaging.IntegrationEventListener;
import dev.kitty.user.events.UserDeleted;
import org.springframework.stereotype.Component;

/**
 * The delivery log and the outbox hold the user's address (and waiting mails their content): they
 * go with the account. The id is a dedupe key: never change it.
 */
@Component
class DeliveryLogErasure {

    private final DeliveryLog deliveryLog;
    private final MailOutbox outbox;

    DeliveryLogErasure(DeliveryLog deliveryLog, MailOutbox outbox) {
        this.deliveryLog = deliveryLog;
        this.outbox = outbox;
    }

    @IntegrationEventListener(id = "notification.delivery-log.user-deleted")
    void on(UserDeleted event) {
        deliveryLog.forget(event.userId());
        outbox.forget(event.userId());
    }
}
