package dev.kitty.transaction.goal;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

/**
 * What the month close does to a budget's goals. Both methods run inside the caller's database transaction (the
 * close), append entries to the goals' ledgers and never let a goal go below zero or be swept above its target.
 */
public interface GoalSavings {

    /**
     * Distributes {@code amount} (positive) over the budget's open goals in priority order, each up to what it still
     * needs; whatever no goal needs stays unallocated.
     *
     * @param kind SURPLUS for a closed month's surplus, ADJUSTMENT for a later increase of a closed month's surplus
     * @return what each goal received, in allocation order; empty when no goal needed anything
     */
    List<Allocation> sweep(UUID budgetId, YearMonth month, BigDecimal amount, EntryKind kind);

    /**
     * Takes back up to {@code amount} (positive) of what earlier sweeps put into the budget's goals, after a closed
     * month's surplus shrank: lowest priority first, never below zero, as negative ADJUSTMENT entries.
     *
     * @return what each goal gave back (negative amounts), in order; empty when nothing could be taken back
     */
    List<Allocation> takeBack(UUID budgetId, YearMonth month, BigDecimal amount);

    /** One goal's share of a sweep or take-back; {@code amount} is signed. */
    record Allocation(UUID goalId, String name, BigDecimal amount, EntryKind kind) {
    }
}
