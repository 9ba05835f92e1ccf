package dev.kitty.user.messaging;

import dev.kitty.platform.messaging.IntegrationEvents;
import dev.kitty.user.events.NotificationSettingsChanged;
import dev.kitty.user.events.ProfileUpdated;
import dev.kitty.user.events.UserDeleted;
import dev.kitty.user.events.UserEvents;
import dev.kitty.user.profile.ProfileChanged;
import dev.kitty.user.profile.UserRemoved;
import dev.kitty.user.settings.SettingsChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The one place where this service's domain events become its public integration events.
 * Synchronous listeners on purpose: they run in the transaction that changed the entity, so
 * the event enters the outbox if and only if the change commits.
 */
@Component
class UserEventTranslator {

    private final IntegrationEvents integrationEvents;

    UserEventTranslator(IntegrationEvents integrationEvents) {
        this.integrationEvents = integrationEvents;
    }

    @EventListener
    void on(ProfileChanged event) {
        integrationEvents.publish(UserEvents.PROFILE_UPDATED, new ProfileUpdated(event.userId(), event.email(), event.displayName(),
                event.revision()));
    }

    @EventListener
    void on(UserRemoved event) {
        integrationEvents.publish(UserEvents.USER_DELETED, new UserDeleted(event.userId(), event.deletedAt()));
    }

    @EventListener
    void on(SettingsChanged event) {
        integrationEvents.publish(UserEvents.NOTIFICATION_SETTINGS_CHANGED, new NotificationSettingsChanged(event.userId(),
                event.locale(), event.timeZone(), event.invitations(), event.budgetAlerts(), event.goalReached(), event.monthlySummary(),
                event.revision()));
    }
}
