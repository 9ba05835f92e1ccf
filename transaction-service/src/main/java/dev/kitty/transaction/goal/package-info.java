/**
 * Piggy bank goals: targets, manual contributions and withdrawals, the append-only ledger of entries whose sum is a
 * goal's savings, and {@link dev.kitty.transaction.goal.GoalSavings}, through which the month close sweeps a month's
 * surplus into the goals in priority order.
 */
@NullMarked
package dev.kitty.transaction.goal;

import org.jspecify.annotations.NullMarked;
