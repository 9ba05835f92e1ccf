package dev.kitty.transaction.ledger;

/** Money coming into the budget or going out of it; amounts are always positive. */
public enum TransactionType {
    INCOME, EXPENSE
}
