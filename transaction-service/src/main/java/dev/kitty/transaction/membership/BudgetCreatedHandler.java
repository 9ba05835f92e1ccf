package dev.kitty.transaction.membership;

import static dev.kitty.transaction.membership.RequiredFields.require;

import dev.kitty.budget.events.BudgetCreated;
import dev.kitty.budget.events.BudgetEvents;
import dev.kitty.events.EventType;
import dev.kitty.platform.messaging.EventMetadata;
import dev.kitty.platform.messaging.IntegrationEventHandler;
import org.springframework.stereotype.Component;

@Component
class BudgetCreatedHandler implements IntegrationEventHandler<BudgetCreated> {

    private final MembershipReplica replica;

    BudgetCreatedHandler(MembershipReplica replica) {
        this.replica = replica;
    }

    @Override
    public EventType<BudgetCreated> eventType() {
        return BudgetEvents.BUDGET_CREATED;
    }

    @Override
    public void handle(BudgetCreated event, EventMetadata metadata) {
        replica.budgetCreated(require(event.budgetId(), "budgetId", metadata), require(event.ownerId(), "ownerId", metadata),
                require(event.currency(), "currency", metadata), event.createdAt());
    }
}
