package dev.kitty.budget.knownuser;

import static dev.kitty.budget.knownuser.RequiredFields.require;

import dev.kitty.events.EventType;
import dev.kitty.platform.messaging.EventMetadata;
import dev.kitty.platform.messaging.IntegrationEventHandler;
import dev.kitty.user.events.UserDeleted;
import dev.kitty.user.events.UserEvents;
import org.springframework.stereotype.Component;

/** Forgets the account. Memberships and invitations of the user are the membership feature's own handler's business. */
@Component
class UserDeletedHandler implements IntegrationEventHandler<UserDeleted> {

    private final KnownUsers knownUsers;

    UserDeletedHandler(KnownUsers knownUsers) {
        this.knownUsers = knownUsers;
    }

    @Override
    public EventType<UserDeleted> eventType() {
        return UserEvents.USER_DELETED;
    }

    @Override
    public void handle(UserDeleted event, EventMetadata metadata) {
        knownUsers.deleted(require(event.userId(), "userId", metadata));
    }
}
