package dev.kitty.notification.mail;

import dev.kitty.events.EventType;
import dev.kitty.platform.messaging.EventMetadata;
import dev.kitty.platform.messaging.IntegrationEventHandler;
import dev.kitty.user.events.UserDeleted;
import dev.kitty.user.events.UserEvents;
import org.springframework.stereotype.Component;

/** The log holds the user's address: it goes with the account. */
@Component
class DeliveryLogUserDeletedHandler implements IntegrationEventHandler<UserDeleted> {

    private final DeliveryLog deliveryLog;

    DeliveryLogUserDeletedHandler(DeliveryLog deliveryLog) {
        this.deliveryLog = deliveryLog;
    }

    @Override
    public EventType<UserDeleted> eventType() {
        return UserEvents.USER_DELETED;
    }

    @Override
    public void handle(UserDeleted event, EventMetadata metadata) {
        deliveryLog.forget(RequiredFields.require(event.userId(), "userId", metadata));
    }
}
