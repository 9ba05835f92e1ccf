package dev.kitty.transaction.events;

import dev.kitty.events.EventCatalog;
import dev.kitty.events.EventType;

/** What transaction-service publishes, on the {@value #TOPIC} topic, keyed by budget id. */
public final class TransactionEvents {

    public static final String TOPIC = "transaction.events";

    public static final EventType<BudgetAlertRaised> BUDGET_ALERT_RAISED =
            EventType.of("kitty.budget.alert-raised.v1", TOPIC, BudgetAlertRaised.class, e -> e.budgetId().toString());
    public static final EventType<GoalReached> GOAL_REACHED =
            EventType.of("kitty.budget.goal-reached.v1", TOPIC, GoalReached.class, e -> e.budgetId().toString());

    public static final EventType<MonthClosed> MONTH_CLOSED =
            EventType.of("kitty.budget.month-closed.v1", TOPIC, MonthClosed.class, e -> e.budgetId().toString());

    public static final EventType<TransactionRecorded> TRANSACTION_RECORDED =
            EventType.of("kitty.transaction.recorded.v1", TOPIC, TransactionRecorded.class, e -> e.budgetId().toString());
    public static final EventType<TransactionsImported> TRANSACTIONS_IMPORTED =
            EventType.of("kitty.transaction.imported.v1", TOPIC, TransactionsImported.class, e -> e.budgetId().toString());
    public static final EventType<TransactionChanged> TRANSACTION_CHANGED =
            EventType.of("kitty.transaction.changed.v1", TOPIC, TransactionChanged.class, e -> e.budgetId().toString());
    public static final EventType<TransactionDeleted> TRANSACTION_DELETED =
            EventType.of("kitty.transaction.deleted.v1", TOPIC, TransactionDeleted.class, e -> e.budgetId().toString());

    public static final EventCatalog CATALOG = EventCatalog.of("transaction-service", BUDGET_ALERT_RAISED, GOAL_REACHED, MONTH_CLOSED,
            TRANSACTION_RECORDED, TRANSACTIONS_IMPORTED, TRANSACTION_CHANGED, TRANSACTION_DELETED);

    private TransactionEvents() {
    }
}
