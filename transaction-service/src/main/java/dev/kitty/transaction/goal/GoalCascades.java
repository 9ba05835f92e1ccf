package dev.kitty.transaction.goal;

import dev.kitty.budget.events.BudgetDeleted;
import dev.kitty.platform.messaging.IntegrationEventListener;
import dev.kitty.user.events.UserDeleted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other services' events mean for goals, each idempotent and harmless in any order: a deleted budget takes its
 * goals and their entries along (no GoalReached or other event: {@code BudgetDeleted} says it for all); a deleted
 * account keeps the shared history (its contributions still count) but loses its author links.
 */
@Component
class GoalCascades {

    private static final Logger log = LoggerFactory.getLogger(GoalCascades.class);

    private final GoalRepository goals;
    private final GoalEntryRepository entries;

    GoalCascades(GoalRepository goals, GoalEntryRepository entries) {
        this.goals = goals;
        this.entries = entries;
    }

    @IntegrationEventListener(id = "transaction.goal.budget-deleted")
    @Transactional
    void on(BudgetDeleted event) {
        var deleted = goals.deleteAllOf(event.budgetId());
        if (deleted > 0) {
            log.info("Budget {} deleted: {} goals and their entries gone", event.budgetId(), deleted);
        }
    }

    @IntegrationEventListener(id = "transaction.goal.user-deleted")
    @Transactional
    void on(UserDeleted event) {
        goals.forgetCreator(event.userId());
        entries.forgetCreator(event.userId());
    }
}
