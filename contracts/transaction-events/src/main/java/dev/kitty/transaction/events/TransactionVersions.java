package dev.kitty.transaction.events;

/** The one rule for the {@code version} transaction events carry. */
final class TransactionVersions {

    private TransactionVersions() {
    }

    /** Versions start at 1: an event with a lower one (or none: Jackson refuses a missing primitive) fails to decode. */
    static long require(long version) {
        if (version < 1) {
            throw new IllegalArgumentException("version must be 1 or more, was " + version);
        }
        return version;
    }
}
