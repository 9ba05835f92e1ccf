package dev.kitty.notification.inbox;

import dev.kitty.events.EventType;
import dev.kitty.platform.messaging.EventMetadata;
import dev.kitty.platform.messaging.IntegrationEventHandler;
import dev.kitty.platform.messaging.InvalidEventException;
import dev.kitty.user.events.UserDeleted;
import dev.kitty.user.events.UserEvents;
import org.springframework.stereotype.Component;

@Component
class InboxUserDeletedHandler implements IntegrationEventHandler<UserDeleted> {

    private final Inbox inbox;

    InboxUserDeletedHandler(Inbox inbox) {
        this.inbox = inbox;
    }

    @Override
    public EventType<UserDeleted> eventType() {
        return UserEvents.USER_DELETED;
    }

    @Override
    public void handle(UserDeleted event, EventMetadata metadata) {
        if (event.userId() == null) {
            throw new InvalidEventException(metadata.type() + " event " + metadata.id() + " has no userId");
        }
        inbox.forgetUser(event.userId());
    }
}
