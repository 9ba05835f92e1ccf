package dev.kitty.budget.knownuser;

import dev.kitty.identity.events.EmailVerified;
import dev.kitty.identity.events.UserRegistered;
import dev.kitty.platform.messaging.IntegrationEventListener;
import dev.kitty.user.events.NotificationSettingsChanged;
import dev.kitty.user.events.ProfileUpdated;
import java.time.DateTimeException;
import java.time.ZoneId;
import org.springframework.stereotype.Component;

/**
 * Feeds {@link KnownUsers} from identity and user events. The ids are the listeners' dedupe
 * keys in {@code processed_event}: never change them.
 */
@Component
class KnownUserReplication {

    private final KnownUsers knownUsers;

    KnownUserReplication(KnownUsers knownUsers) {
        this.knownUsers = knownUsers;
    }

    @IntegrationEventListener(id = "budget.knownuser.user-registered")
    void on(UserRegistered event) {
        knownUsers.registered(event.userId(), event.email(), event.displayName());
    }

    @IntegrationEventListener(id = "budget.knownuser.email-verified")
    void on(EmailVerified event) {
        knownUsers.emailVerified(event.userId(), event.email());
    }

    @IntegrationEventListener(id = "budget.knownuser.profile-updated")
    void on(ProfileUpdated event) {
        knownUsers.profileUpdated(event.userId(), event.email(), event.displayName(), event.version());
    }

    /**
     * Only the time zone matters here (a new budget's default). A zone this JVM does not know is
     * not kept: budgets then default to UTC rather than to a zone they could not use.
     */
    @IntegrationEventListener(id = "budget.knownuser.notification-settings-changed")
    void on(NotificationSettingsChanged event) {
        try {
            ZoneId.of(event.timeZone());
        } catch (DateTimeException e) {
            return;
        }
        knownUsers.settingsChanged(event.userId(), event.timeZone(), event.version());
    }

    // UserDeleted: dev.kitty.budget.deletion.AccountDeletion, which forgets the account (KnownUsers.deleted)
    // in the same transaction as its memberships and invitations, under this feature's old listener id.
}
