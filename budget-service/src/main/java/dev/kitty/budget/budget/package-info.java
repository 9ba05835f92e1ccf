/** Budgets and who belongs to them with which role: the aggregate, its API and the one authorization guard ({@link dev.kitty.budget.budget.BudgetAccess}). */
@NullMarked
package dev.kitty.budget.budget;

import org.jspecify.annotations.NullMarked;
