package dev.kitty.budget.budget;

/** The client's {@code If-Match} names a version of the budget that is no longer current: 412 in the web layer. */
class StaleBudgetException extends RuntimeException {

    StaleBudgetException() {
        super("The budget has changed since you read it.", null, false, false);
    }
}
