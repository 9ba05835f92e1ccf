package dev.kitty.transaction.goal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link GoalSavings}: the month close's way into the goals (ADR 18). Each call locks every goal of the budget (in id
 * order, see {@link GoalRepository#lockAll}) before reading their savings, so a contribution, a withdrawal or another
 * sweep of the same budget waits and then sees this one's entries: no goal goes below zero, none is swept above its
 * target.
 */
@Service
class SurplusSweep implements GoalSavings {

    private final GoalRepository goals;
    private final GoalEntryRepository entries;
    private final GoalMilestones milestones;
    private final Clock clock;

    SurplusSweep(GoalRepository goals, GoalEntryRepository entries, GoalMilestones milestones, Clock clock) {
        this.goals = goals;
        this.entries = entries;
        this.milestones = milestones;
        this.clock = clock;
    }

    @Override
    @Transactional
    public List<Allocation> sweep(UUID budgetId, YearMonth month, BigDecimal amount, EntryKind kind) {
        if (kind != EntryKind.SURPLUS && kind != EntryKind.ADJUSTMENT) {
            throw new IllegalArgumentException("A sweep writes SURPLUS or ADJUSTMENT entries, not " + kind);
        }
        checkAmount(amount);
        if (amount.signum() == 0) {
            return List.of();
        }
        goals.lockAll(budgetId);
        var now = clock.instant();
        var left = amount;
        var allocations = new ArrayList<Allocation>();
        for (var goal : goals.ofBudget(budgetId)) {
            if (left.signum() <= 0) {
                break;
            }
            var needed = goal.needed();
            if (needed.signum() <= 0) {
                continue;
            }
            var share = needed.min(left);
            entries.insert(new GoalEntryRow(UUID.randomUUID(), goal.id(), budgetId, month, share, kind, null, now));
            allocations.add(new Allocation(goal.id(), goal.name(), share, kind));
            left = left.subtract(share);
        }
        milestones.entriesWritten(budgetId, allocations.stream().map(Allocation::goalId).toList(), now);
        return List.copyOf(allocations);
    }

    @Override
    @Transactional
    public List<Allocation> takeBack(UUID budgetId, YearMonth month, BigDecimal amount) {
        checkAmount(amount);
        if (amount.signum() == 0) {
            return List.of();
        }
        goals.lockAll(budgetId);
        var now = clock.instant();
        var left = amount;
        var allocations = new ArrayList<Allocation>();
        for (var goal : goals.ofBudget(budgetId).reversed()) {
            if (left.signum() <= 0) {
                break;
            }
            // what sweeps put in and is still there: members' own contributions are never taken back
            var available = goal.saved().min(goal.swept());
            if (available.signum() <= 0) {
                continue;
            }
            var share = available.min(left);
            entries.insert(new GoalEntryRow(UUID.randomUUID(), goal.id(), budgetId, month, share.negate(), EntryKind.ADJUSTMENT, null, now));
            allocations.add(new Allocation(goal.id(), goal.name(), share.negate(), EntryKind.ADJUSTMENT));
            left = left.subtract(share);
        }
        milestones.entriesWritten(budgetId, allocations.stream().map(Allocation::goalId).toList(), now);
        return List.copyOf(allocations);
    }

    /** Zero is nothing to do; negative amounts and more digits than the columns hold are the caller's bug. */
    private static void checkAmount(BigDecimal amount) {
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("The amount must not be negative: " + amount);
        }
        if (amount.stripTrailingZeros().scale() > 4) {
            throw new IllegalArgumentException("The amount has more than 4 decimal places: " + amount);
        }
    }
}
