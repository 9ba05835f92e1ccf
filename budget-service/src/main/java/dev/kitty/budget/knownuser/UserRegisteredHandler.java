package dev.kitty.budget.knownuser;

import static dev.kitty.budget.knownuser.RequiredFields.require;

import dev.kitty.events.EventType;
import dev.kitty.identity.events.IdentityEvents;
import dev.kitty.identity.events.UserRegistered;
import dev.kitty.platform.messaging.EventMetadata;
import dev.kitty.platform.messaging.IntegrationEventHandler;
import org.springframework.stereotype.Component;

@Component
class UserRegisteredHandler implements IntegrationEventHandler<UserRegistered> {

    private final KnownUsers knownUsers;

    UserRegisteredHandler(KnownUsers knownUsers) {
        this.knownUsers = knownUsers;
    }

    @Override
    public EventType<UserRegistered> eventType() {
        return IdentityEvents.USER_REGISTERED;
    }

    @Override
    public void handle(UserRegistered event, EventMetadata metadata) {
        knownUsers.registered(require(event.userId(), "userId", metadata), require(event.email(), "email", metadata), event.displayName());
    }
}
