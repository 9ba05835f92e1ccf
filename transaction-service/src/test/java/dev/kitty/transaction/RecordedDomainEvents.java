package dev.kitty.transaction;

import dev.kitty.transaction.category.CategoryDeleted;
import dev.kitty.transaction.goal.GoalTargetReached;
import dev.kitty.transaction.ledger.TransactionWritten;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.context.event.EventListener;

/**
 * Every {@link TransactionWritten}, {@link CategoryDeleted} and {@link GoalTargetReached} published, as the rollups' listener sees them: inside
 * the writing transaction. A bean of the shared test context (see {@link TestClockConfiguration}).
 */
public class RecordedDomainEvents {

    private final List<Object> events = new CopyOnWriteArrayList<>();

    @EventListener
    void on(TransactionWritten event) {
        events.add(event);
    }

    @EventListener
    void on(CategoryDeleted event) {
        events.add(event);
    }

    @EventListener
    void on(GoalTargetReached event) {
        events.add(event);
    }

    public <T> List<T> of(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
