package dev.kitty.transaction.membership;

import static dev.kitty.transaction.membership.RequiredFields.require;

import dev.kitty.events.EventType;
import dev.kitty.platform.messaging.EventMetadata;
import dev.kitty.platform.messaging.IntegrationEventHandler;
import dev.kitty.user.events.UserDeleted;
import dev.kitty.user.events.UserEvents;
import org.springframework.stereotype.Component;

/** Drops only the user's memberships: what they recorded belongs to shared budgets and stays with them. */
@Component
class UserDeletedHandler implements IntegrationEventHandler<UserDeleted> {

    private final MembershipReplica replica;

    UserDeletedHandler(MembershipReplica replica) {
        this.replica = replica;
    }

    @Override
    public EventType<UserDeleted> eventType() {
        return UserEvents.USER_DELETED;
    }

    @Override
    public void handle(UserDeleted event, EventMetadata metadata) {
        replica.userDeleted(require(event.userId(), "userId", metadata));
    }
}
