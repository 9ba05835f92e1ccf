package dev.kitty.transaction.ledger;

import dev.kitty.budget.events.BudgetDeleted;
import dev.kitty.platform.messaging.IntegrationEventListener;
import dev.kitty.transaction.category.Categories;
import dev.kitty.user.events.UserDeleted;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other services' events mean for the ledger, each idempotent and harmless in any order: a deleted budget takes
 * its transactions, categories and idempotency records along (no per-row events: {@code BudgetDeleted} says it for
 * all); a deleted account keeps the shared history but loses its author links, each transaction whose
 * {@code created_by} it was publishing {@link TransactionWritten} with the member set to null. Also prunes
 * idempotency records older than 24 h.
 */
@Component
class LedgerCascades {

    private static final Logger log = LoggerFactory.getLogger(LedgerCascades.class);

    private final TransactionRepository transactions;
    private final IdempotencyRecords idempotency;
    private final Categories categories;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    LedgerCascades(TransactionRepository transactions, IdempotencyRecords idempotency, Categories categories,
            ApplicationEventPublisher events, Clock clock) {
        this.transactions = transactions;
        this.idempotency = idempotency;
        this.categories = categories;
        this.events = events;
        this.clock = clock;
    }

    @IntegrationEventListener(id = "transaction.ledger.budget-deleted")
    @Transactional
    void on(BudgetDeleted event) {
        idempotency.deleteAllOfBudget(event.budgetId());
        var deleted = transactions.deleteAllOf(event.budgetId());
        categories.deleteAllOf(event.budgetId());
        log.info("Budget {} deleted: {} transactions and its categories gone", event.budgetId(), deleted);
    }

    /** One UPDATE per author column; one {@link TransactionWritten} per row whose author goes. */
    @IntegrationEventListener(id = "transaction.ledger.user-deleted")
    @Transactional
    void on(UserDeleted event) {
        for (var row : transactions.forgetCreator(event.userId())) {
            var after = new TransactionWritten.Entry(row.id(), row.type(), row.amount(), row.occurredOn(), row.categoryId(), null);
            var before = new TransactionWritten.Entry(row.id(), row.type(), row.amount(), row.occurredOn(), row.categoryId(), event.userId());
            events.publishEvent(new TransactionWritten(row.budgetId(), before, after));
        }
        transactions.forgetUpdater(event.userId());
        idempotency.deleteAllOfUser(event.userId());
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    @Transactional
    void pruneIdempotencyRecords() {
        var pruned = idempotency.deleteOlderThan(clock.instant().minus(IdempotencyRecords.LIFETIME));
        if (pruned > 0) {
            log.info("Pruned {} idempotency records older than 24 h", pruned);
        }
    }
}
