package dev.kitty.budget.budget;

import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes a deleted account out of every budget it belongs to. A budget it owned passes to the
 * longest-standing admin, else member; with neither, the budget is deleted. Repeating it finds
 * nothing left to do.
 */
@Service
public class AccountRemoval {

    private final BudgetRepository budgets;
    private final Clock clock;

    AccountRemoval(BudgetRepository budgets, Clock clock) {
        this.budgets = budgets;
        this.clock = clock;
    }

    @Transactional
    public void removeEverywhere(UUID userId) {
        var now = clock.instant();
        for (var budgetId : budgets.budgetIdsOf(userId)) {
            var budget = budgets.findById(budgetId).orElseThrow();
            var wasOwner = budget.roleOf(userId).filter(role -> role == BudgetRole.OWNER).isPresent();
            if (!wasOwner) {
                budget.removeDeletedAccount(userId, now);
                budgets.save(budget);
                continue;
            }
            var successor = budget.successorOfOwner();
            if (successor.isEmpty()) {
                budget.markDeleted(null, now);
                budgets.delete(budget);
                continue;
            }
            // the old owner's row goes before the successor's promotion: the one-owner index is checked row by row
            budget.removeDeletedAccount(userId, now);
            budgets.saveAndFlush(budget);
            budget.inherit(userId, successor.get(), now);
            budgets.saveAndFlush(budget);
        }
    }
}
