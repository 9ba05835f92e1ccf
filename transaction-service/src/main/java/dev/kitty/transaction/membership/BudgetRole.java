package dev.kitty.transaction.membership;

import java.util.Arrays;
import java.util.Optional;

/** A member's role in a budget, weakest first: each role may do everything the ones before it may. */
public enum BudgetRole {
    VIEWER, MEMBER, ADMIN, OWNER;

    public boolean includes(BudgetRole required) {
        return compareTo(required) >= 0;
    }

    /** Empty for a role this version does not know: such a member is granted nothing rather than guessed at. */
    static Optional<BudgetRole> parse(String role) {
        return Arrays.stream(values()).filter(known -> known.name().equals(role)).findFirst();
    }
}
