/**
 * Summaries and charts of a budget's money, answered from monthly rollups that every transaction write keeps up
 * to date in its own database transaction (ADR 15), and the repair job that checks them against the ledger.
 */
@NullMarked
package dev.kitty.transaction.summary;

import org.jspecify.annotations.NullMarked;
