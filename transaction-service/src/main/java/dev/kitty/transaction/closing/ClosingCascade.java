package dev.kitty.transaction.closing;

import dev.kitty.budget.events.BudgetDeleted;
import dev.kitty.platform.messaging.IntegrationEventListener;
import org.springframework.stereotype.Component;

/** A deleted budget's closed months and cursor go with it. The id is the listener's dedupe key: never change it. */
@Component
class ClosingCascade {

    private final MonthCloseRepository repository;

    ClosingCascade(MonthCloseRepository repository) {
        this.repository = repository;
    }

    @IntegrationEventListener(id = "transaction.closing.budget-deleted")
    void on(BudgetDeleted event) {
        repository.deleteBudget(event.budgetId());
    }
}
