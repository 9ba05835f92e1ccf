package dev.kitty.notification.mail;

import dev.kitty.platform.messaging.IntegrationEventListener;
import dev.kitty.user.events.UserDeleted;
import org.springframework.stereotype.Component;

/** The delivery log holds the user's address: it goes with the account. The id is a dedupe key: never change it. */
@Component
class DeliveryLogErasure {

    private final DeliveryLog deliveryLog;

    DeliveryLogErasure(DeliveryLog deliveryLog) {
        this.deliveryLog = deliveryLog;
    }

    @IntegrationEventListener(id = "notification.delivery-log.user-deleted")
    void on(UserDeleted event) {
        deliveryLog.forget(event.userId());
    }
}
