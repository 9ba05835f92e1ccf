package dev.kitty.budget.events;

/** The one rule for the {@code version} every membership event carries. */
final class MembershipVersions {

    private MembershipVersions() {
    }

    /** Versions start at 1: an event with a lower one (or none: Jackson refuses a missing primitive) fails to decode and is dead-lettered. */
    static long require(long version) {
        if (version < 1) {
            throw new IllegalArgumentException("version must be 1 or more, was " + version);
        }
        return version;
    }
}
