package dev.kitty.notification.settings;

import dev.kitty.events.EventType;
import dev.kitty.platform.messaging.EventMetadata;
import dev.kitty.platform.messaging.IntegrationEventHandler;
import dev.kitty.platform.messaging.InvalidEventException;
import dev.kitty.user.events.UserDeleted;
import dev.kitty.user.events.UserEvents;
import org.springframework.stereotype.Component;

@Component
class SettingsUserDeletedHandler implements IntegrationEventHandler<UserDeleted> {

    private final NotificationSettingsReplica replica;

    SettingsUserDeletedHandler(NotificationSettingsReplica replica) {
        this.replica = replica;
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
        replica.forget(event.userId());
    }
}
