/**
 * Alerts: a category going over its monthly limit, or the budget's balance (all income minus all expense) going below zero in a month, raises
 * {@link dev.kitty.transaction.alert.BudgetAlert} once per budget, kind, category and month, inside the transaction
 * that caused it (ADR 20).
 */
@NullMarked
package dev.kitty.transaction.alert;

import org.jspecify.annotations.NullMarked;
