package dev.kitty.transaction.membership;

import static dev.kitty.transaction.membership.RequiredFields.require;

import dev.kitty.budget.events.BudgetDeleted;
import dev.kitty.budget.events.BudgetEvents;
import dev.kitty.events.EventType;
import dev.kitty.platform.messaging.EventMetadata;
import dev.kitty.platform.messaging.IntegrationEventHandler;
import org.springframework.stereotype.Component;

@Component
class BudgetDeletedHandler implements IntegrationEventHandler<BudgetDeleted> {

    private final MembershipReplica replica;

    BudgetDeletedHandler(MembershipReplica replica) {
        this.replica = replica;
    }

    @Override
    public EventType<BudgetDeleted> eventType() {
        return BudgetEvents.BUDGET_DELETED;
    }

    @Override
    public void handle(BudgetDeleted event, EventMetadata metadata) {
        replica.budgetDeleted(require(event.budgetId(), "budgetId", metadata));
    }
}
