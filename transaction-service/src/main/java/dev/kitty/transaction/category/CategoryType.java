package dev.kitty.transaction.category;

/** Whether a category groups income or expenses; the same names as the ledger's transaction types. */
public enum CategoryType {
    INCOME, EXPENSE
}
