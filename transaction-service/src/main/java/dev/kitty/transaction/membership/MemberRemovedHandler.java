package dev.kitty.transaction.membership;

import static dev.kitty.transaction.membership.RequiredFields.require;

import dev.kitty.budget.events.BudgetEvents;
import dev.kitty.budget.events.MemberRemoved;
import dev.kitty.events.EventType;
import dev.kitty.platform.messaging.EventMetadata;
import dev.kitty.platform.messaging.IntegrationEventHandler;
import org.springframework.stereotype.Component;

@Component
class MemberRemovedHandler implements IntegrationEventHandler<MemberRemoved> {

    private final MembershipReplica replica;

    MemberRemovedHandler(MembershipReplica replica) {
        this.replica = replica;
    }

    @Override
    public EventType<MemberRemoved> eventType() {
        return BudgetEvents.MEMBER_REMOVED;
    }

    @Override
    public void handle(MemberRemoved event, EventMetadata metadata) {
        replica.memberRemoved(require(event.budgetId(), "budgetId", metadata), require(event.userId(), "userId", metadata));
    }
}
