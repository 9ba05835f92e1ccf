package dev.kitty.transaction.messaging;

import dev.kitty.platform.messaging.IntegrationEvents;
import dev.kitty.transaction.alert.BudgetAlert;
import dev.kitty.transaction.closing.MonthWasClosed;
import dev.kitty.transaction.events.BudgetAlertRaised;
import dev.kitty.transaction.events.GoalReached;
import dev.kitty.transaction.events.MonthClosed;
import dev.kitty.transaction.events.TransactionChanged;
import dev.kitty.transaction.events.TransactionDeleted;
import dev.kitty.transaction.events.TransactionEvents;
import dev.kitty.transaction.events.TransactionRecorded;
import dev.kitty.transaction.events.TransactionsImported;
import dev.kitty.transaction.goal.GoalTargetReached;
import dev.kitty.transaction.ledger.TransactionChange;
import dev.kitty.transaction.money.Money;
import java.math.BigDecimal;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The one place where this service's domain events become its public integration events ({@code transaction.events}).
 * A synchronous listener on purpose: it runs in the transaction that made the change, so an event enters the outbox
 * if and only if the change commits.
 */
@Component
class TransactionEventTranslator {

    private final IntegrationEvents integrationEvents;

    TransactionEventTranslator(IntegrationEvents integrationEvents) {
        this.integrationEvents = integrationEvents;
    }

    @EventListener
    void on(TransactionChange change) {
        switch (change) {
            case TransactionChange.Recorded recorded -> {
                var t = recorded.transaction();
                integrationEvents.publish(TransactionEvents.TRANSACTION_RECORDED, new TransactionRecorded(t.id(), t.budgetId(),
                        t.type().name(), Money.format(t.amount(), t.currency()), t.currency(), t.occurredOn(), t.categoryId(),
                        t.description(), t.createdBy(), t.createdAt(), t.version()));
            }
            case TransactionChange.Imported imported -> integrationEvents.publish(TransactionEvents.TRANSACTIONS_IMPORTED,
                    new TransactionsImported(imported.importId(), imported.budgetId(), imported.currency(), imported.importedBy(),
                            imported.importedAt(), imported.part(), imported.parts(), imported.transactions().stream()
                                    .map(item -> {
                                        var t = item.transaction();
                                        return new TransactionsImported.Item(t.id(), t.type().name(), Money.format(t.amount(), t.currency()),
                                                t.occurredOn(), t.categoryId(), t.description(), item.externalId());
                                    })
                                    .toList()));
            case TransactionChange.Changed changed -> {
                var t = changed.transaction();
                integrationEvents.publish(TransactionEvents.TRANSACTION_CHANGED, new TransactionChanged(t.id(), t.budgetId(),
                        t.type().name(), Money.format(t.amount(), t.currency()), t.currency(), t.occurredOn(), t.categoryId(),
                        t.description(), t.updatedBy(), t.updatedAt(), t.version()));
            }
            case TransactionChange.Deleted deleted -> integrationEvents.publish(TransactionEvents.TRANSACTION_DELETED,
                    new TransactionDeleted(deleted.transactionId(), deleted.budgetId(), deleted.deletedBy(), deleted.deletedAt()));
        }
    }

    @EventListener
    void on(MonthWasClosed closed) {
        var currency = closed.currency();
        integrationEvents.publish(TransactionEvents.MONTH_CLOSED, new MonthClosed(closed.budgetId(), closed.month().toString(), currency,
                Money.format(closed.income(), currency), Money.format(closed.expense(), currency), Money.format(closed.net(), currency),
                closed.topExpenseCategories().stream()
                        .map(c -> new MonthClosed.CategoryTotal(c.categoryId(), c.name(), Money.format(c.amount(), currency))).toList(),
                closed.allocations().stream()
                        .map(a -> new MonthClosed.GoalAllocation(a.goalId(), a.name(), Money.format(a.amount(), currency), a.kind().name()))
                        .toList(),
                closed.recentMonths().stream()
                        .map(m -> new MonthClosed.MonthTotals(m.month().toString(), Money.format(m.income(), currency),
                                Money.format(m.expense(), currency)))
                        .toList(),
                closed.closedAt()));
    }

    @EventListener
    void on(GoalTargetReached reached) {
        integrationEvents.publish(TransactionEvents.GOAL_REACHED, new GoalReached(reached.budgetId(), reached.goalId(), reached.name(),
                Money.format(reached.targetAmount(), reached.currency()), reached.currency(), reached.reachedOn()));
    }

    @EventListener
    void on(BudgetAlert alert) {
        var month = alert.month().toString();
        var raised = switch (alert) {
            case BudgetAlert.CategoryOverLimit over -> new BudgetAlertRaised(over.budgetId(), over.kind(), month, over.categoryId(),
                    over.categoryName(), Money.format(over.spent(), over.currency()), Money.format(over.limit(), over.currency()),
                    over.currency());
            case BudgetAlert.BalanceBelowZero below -> new BudgetAlertRaised(below.budgetId(), below.kind(), month, null, null,
                    Money.format(below.balance(), below.currency()), Money.format(BigDecimal.ZERO, below.currency()), below.currency());
        };
        integrationEvents.publish(TransactionEvents.BUDGET_ALERT_RAISED, raised);
    }
}
