/**
 * Recurring transactions: a budget's weekly, monthly and yearly rules, and the scheduler that posts each of their
 * occurrences through the ledger exactly once, catching up after downtime (ADR 0019).
 */
@NullMarked
package dev.kitty.transaction.recurring;

import org.jspecify.annotations.NullMarked;
