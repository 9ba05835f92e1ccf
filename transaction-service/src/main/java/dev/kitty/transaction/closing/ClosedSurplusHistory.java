package dev.kitty.transaction.closing;

import dev.kitty.transaction.goal.SurplusHistory;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The goals' view of closed months: their net as it stands now (later changes included), newest first. */
@Component
class ClosedSurplusHistory implements SurplusHistory {

    private final MonthCloseRepository repository;

    ClosedSurplusHistory(MonthCloseRepository repository) {
        this.repository = repository;
    }

    @Override
    @Transactional(readOnly = true)
    public List<BigDecimal> recentNets(UUID budgetId, int months) {
        return months <= 0 ? List.of() : repository.recentNets(budgetId, months);
    }
}
