package dev.kitty.transaction.recurring;

import dev.kitty.budget.events.BudgetDeleted;
import dev.kitty.platform.messaging.IntegrationEventListener;
import dev.kitty.user.events.UserDeleted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other services' events mean for recurring rules, each idempotent and harmless in any order: a deleted budget
 * takes its rules along (its transactions go with the ledger's own cascade); a deleted account keeps its rules, which
 * belong to the budget and keep posting, but loses its author links (the posted transactions then have no author, like
 * any former member's). A removed member's rules keep running too: an ADMIN+ of the budget changes or deletes them.
 */
@Component
class RecurringCascades {

    private static final Logger log = LoggerFactory.getLogger(RecurringCascades.class);

    private final RecurringRuleRepository rules;

    RecurringCascades(RecurringRuleRepository rules) {
        this.rules = rules;
    }

    @IntegrationEventListener(id = "transaction.recurring.budget-deleted")
    @Transactional
    void on(BudgetDeleted event) {
        var deleted = rules.deleteAllOf(event.budgetId());
        if (deleted > 0) {
            log.info("Budget {} deleted: {} recurring rules gone", event.budgetId(), deleted);
        }
    }

    @IntegrationEventListener(id = "transaction.recurring.user-deleted")
    @Transactional
    void on(UserDeleted event) {
        rules.forgetCreator(event.userId());
        rules.forgetUpdater(event.userId());
    }
}
