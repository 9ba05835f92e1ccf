package dev.kitty.transaction.goal;

/** Why money moved into or out of a goal; a goal's savings are the sum of its entries. */
public enum EntryKind {
    /** a closed month's surplus, swept in priority order */
    SURPLUS,
    /** a member put money in */
    CONTRIBUTION,
    /** a member took money out (never below zero) */
    WITHDRAWAL,
    /** a later change to a closed month, settled at the next close; may be negative */
    ADJUSTMENT
}
