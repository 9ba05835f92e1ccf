/**
 * The month close: each budget's month closes once, after its last day in the budget's time zone. Its totals are
 * frozen in {@code closed_month}, its surplus is swept into the goals ({@link dev.kitty.transaction.goal.GoalSavings}),
 * later changes to months closed before are settled as adjustments, and {@code MonthClosed} is published. A scheduler
 * claims due budgets with {@code SELECT … FOR UPDATE SKIP LOCKED} (ADR 17); see docs/month-close.md.
 */
@NullMarked
package dev.kitty.transaction.closing;

import org.jspecify.annotations.NullMarked;
