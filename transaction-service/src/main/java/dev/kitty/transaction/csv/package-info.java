/**
 * CSV export and import of a budget's transactions (ADR 16): a streamed export of a period, and an all-or-nothing
 * import checked by the ledger's own rules, with per-line errors and a duplicate report.
 */
@NullMarked
package dev.kitty.transaction.csv;

import org.jspecify.annotations.NullMarked;
