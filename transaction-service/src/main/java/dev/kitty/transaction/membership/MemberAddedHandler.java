package dev.kitty.transaction.membership;

import static dev.kitty.transaction.membership.RequiredFields.require;

import dev.kitty.budget.events.BudgetEvents;
import dev.kitty.budget.events.MemberAdded;
import dev.kitty.events.EventType;
import dev.kitty.platform.messaging.EventMetadata;
import dev.kitty.platform.messaging.IntegrationEventHandler;
import org.springframework.stereotype.Component;

@Component
class MemberAddedHandler implements IntegrationEventHandler<MemberAdded> {

    private final MembershipReplica replica;

    MemberAddedHandler(MembershipReplica replica) {
        this.replica = replica;
    }

    @Override
    public EventType<MemberAdded> eventType() {
        return BudgetEvents.MEMBER_ADDED;
    }

    @Override
    public void handle(MemberAdded event, EventMetadata metadata) {
        replica.memberAdded(require(event.budgetId(), "budgetId", metadata), require(event.userId(), "userId", metadata),
                require(event.role(), "role", metadata), event.joinedAt());
    }
}
