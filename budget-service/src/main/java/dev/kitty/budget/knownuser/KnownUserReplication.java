package dev.kitty.budget.knownuser;

import dev.kitty.identity.events.EmailVerified;
import dev.kitty.identity.events.UserRegistered;
import dev.kitty.platform.messaging.IntegrationEventListener;
import dev.kitty.user.events.ProfileUpdated;
import dev.kitty.user.events.UserDeleted;
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

    /** Forgets the account. Memberships and invitations of the user are the membership feature's own listener's business. */
    @IntegrationEventListener(id = "budget.knownuser.user-deleted")
    void on(UserDeleted event) {
        knownUsers.deleted(event.userId());
    }
}
