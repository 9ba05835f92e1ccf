package dev.kitty.transaction.closing;

import dev.kitty.transaction.goal.EntryKind;
import dev.kitty.transaction.goal.GoalSavings;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** TEMPORARY stand-in until the goals branch brings the real {@link GoalSavings}: no goals, nothing swept. */
@Component
class NoGoalsYet implements GoalSavings {

    @Override
    public List<Allocation> sweep(UUID budgetId, YearMonth month, BigDecimal amount, EntryKind kind) {
        return List.of();
    }

    @Override
    public List<Allocation> takeBack(UUID budgetId, YearMonth month, BigDecimal amount) {
        return List.of();
    }
}
