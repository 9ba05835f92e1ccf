package dev.kitty.transaction.membership;

/** budget-service could not say whether the caller may enter a budget the replica does not know yet: answered 503. */
public class BudgetServiceUnavailableException extends RuntimeException {

    BudgetServiceUnavailableException(String reason) {
        super("budget-service cannot answer: " + reason);
    }
}
