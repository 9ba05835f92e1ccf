package dev.kitty.transaction.membership;

import static dev.kitty.transaction.membership.RequiredFields.require;

import dev.kitty.budget.events.BudgetEvents;
import dev.kitty.budget.events.MemberRoleChanged;
import dev.kitty.events.EventType;
import dev.kitty.platform.messaging.EventMetadata;
import dev.kitty.platform.messaging.IntegrationEventHandler;
import org.springframework.stereotype.Component;

@Component
class MemberRoleChangedHandler implements IntegrationEventHandler<MemberRoleChanged> {

    private final MembershipReplica replica;

    MemberRoleChangedHandler(MembershipReplica replica) {
        this.replica = replica;
    }

    @Override
    public EventType<MemberRoleChanged> eventType() {
        return BudgetEvents.MEMBER_ROLE_CHANGED;
    }

    @Override
    public void handle(MemberRoleChanged event, EventMetadata metadata) {
        replica.roleChanged(require(event.budgetId(), "budgetId", metadata), require(event.userId(), "userId", metadata),
                require(event.role(), "role", metadata), metadata.time());
    }
}
