package dev.kitty.notification.settings;

import dev.kitty.events.EventType;
import dev.kitty.platform.messaging.EventMetadata;
import dev.kitty.platform.messaging.IntegrationEventHandler;
import dev.kitty.platform.messaging.InvalidEventException;
import dev.kitty.user.events.NotificationSettingsChanged;
import dev.kitty.user.events.UserEvents;
import org.springframework.stereotype.Component;

@Component
class SettingsChangedHandler implements IntegrationEventHandler<NotificationSettingsChanged> {

    private final NotificationSettingsReplica replica;

    SettingsChangedHandler(NotificationSettingsReplica replica) {
        this.replica = replica;
    }

    @Override
    public EventType<NotificationSettingsChanged> eventType() {
        return UserEvents.NOTIFICATION_SETTINGS_CHANGED;
    }

    @Override
    public void handle(NotificationSettingsChanged event, EventMetadata metadata) {
        if (event.userId() == null) {
            throw new InvalidEventException(metadata.type() + " event " + metadata.id() + " has no userId");
        }
        replica.save(new NotificationSettings(event.userId(), event.locale(), event.timeZone(), event.invitations(),
                event.budgetAlerts(), event.goalReached(), event.monthlySummary()));
    }
}
