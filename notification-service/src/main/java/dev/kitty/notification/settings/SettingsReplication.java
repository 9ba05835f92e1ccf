package dev.kitty.notification.settings;

import dev.kitty.platform.messaging.IntegrationEventListener;
import dev.kitty.user.events.NotificationSettingsChanged;
import dev.kitty.user.events.UserDeleted;
import org.springframework.stereotype.Component;

/** Feeds the {@link NotificationSettingsReplica} from user events, which it compares by version. The ids are dedupe keys: never change them. */
@Component
class SettingsReplication {

    private final NotificationSettingsReplica replica;

    SettingsReplication(NotificationSettingsReplica replica) {
        this.replica = replica;
    }

    @IntegrationEventListener(id = "notification.settings.settings-changed")
    void on(NotificationSettingsChanged event) {
        replica.save(new NotificationSettings(event.userId(), event.locale(), event.timeZone(), event.invitations(),
                event.budgetAlerts(), event.goalReached(), event.monthlySummary()), event.version());
    }

    @IntegrationEventListener(id = "notification.settings.user-deleted")
    void on(UserDeleted event) {
        replica.forget(event.userId());
    }
}
