package dev.kitty.budget.budget;

/** A member's role in a budget, weakest first: each role may do everything the ones before it may. */
public enum BudgetRole {
    VIEWER, MEMBER, ADMIN, OWNER;

    public boolean includes(BudgetRole required) {
        return compareTo(required) >= 0;
    }
}
