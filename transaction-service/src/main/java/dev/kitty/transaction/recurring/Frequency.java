package dev.kitty.transaction.recurring;

/** How often a rule recurs, each with the largest interval it accepts (every 52 weeks, 12 months, 10 years). */
enum Frequency {
    WEEKLY(52), MONTHLY(12), YEARLY(10);

    private final int maxInterval;

    Frequency(int maxInterval) {
        this.maxInterval = maxInterval;
    }

    int maxInterval() {
        return maxInterval;
    }
}
