package dev.kitty.notification.inbox;

import dev.kitty.budget.events.BudgetDeleted;
import dev.kitty.platform.messaging.IntegrationEventListener;
import dev.kitty.user.events.UserDeleted;
import org.springframework.stereotype.Component;

/** Notifications go with the user they are for and the budget they are about. The ids are dedupe keys: never change them. */
@Component
class InboxErasure {

    private final Inbox inbox;

    InboxErasure(Inbox inbox) {
        this.inbox = inbox;
    }

    @IntegrationEventListener(id = "notification.inbox.budget-deleted")
    void on(BudgetDeleted event) {
        inbox.forgetBudget(event.budgetId());
    }

    @IntegrationEventListener(id = "notification.inbox.user-deleted")
    void on(UserDeleted event) {
        inbox.forgetUser(event.userId());
    }
}
