package dev.kitty.budget.knownuser;

import static dev.kitty.budget.knownuser.RequiredFields.require;

import dev.kitty.events.EventType;
import dev.kitty.platform.messaging.EventMetadata;
import dev.kitty.platform.messaging.IntegrationEventHandler;
import dev.kitty.user.events.ProfileUpdated;
import dev.kitty.user.events.UserEvents;
import org.springframework.stereotype.Component;

@Component
class ProfileUpdatedHandler implements IntegrationEventHandler<ProfileUpdated> {

    private final KnownUsers knownUsers;

    ProfileUpdatedHandler(KnownUsers knownUsers) {
        this.knownUsers = knownUsers;
    }

    @Override
    public EventType<ProfileUpdated> eventType() {
        return UserEvents.PROFILE_UPDATED;
    }

    @Override
    public void handle(ProfileUpdated event, EventMetadata metadata) {
        knownUsers.profileUpdated(require(event.userId(), "userId", metadata), require(event.email(), "email", metadata), event.displayName());
    }
}
