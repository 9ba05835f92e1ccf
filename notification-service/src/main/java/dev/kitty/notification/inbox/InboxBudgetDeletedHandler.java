package dev.kitty.notification.inbox;

import dev.kitty.budget.events.BudgetDeleted;
import dev.kitty.budget.events.BudgetEvents;
import dev.kitty.events.EventType;
import dev.kitty.platform.messaging.EventMetadata;
import dev.kitty.platform.messaging.IntegrationEventHandler;
import dev.kitty.platform.messaging.InvalidEventException;
import org.springframework.stereotype.Component;

@Component
class InboxBudgetDeletedHandler implements IntegrationEventHandler<BudgetDeleted> {

    private final Inbox inbox;

    InboxBudgetDeletedHandler(Inbox inbox) {
        this.inbox = inbox;
    }

    @Override
    public EventType<BudgetDeleted> eventType() {
        return BudgetEvents.BUDGET_DELETED;
    }

    @Override
    public void handle(BudgetDeleted event, EventMetadata metadata) {
        if (event.budgetId() == null) {
            throw new InvalidEventException(metadata.type() + " event " + metadata.id() + " has no budgetId");
        }
        inbox.forgetBudget(event.budgetId());
    }
}
