package dev.kitty.platform.web;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Entity tags for resources that carry a version (budgets, transactions, goals): the {@code ETag} a
 * response sends and the {@code If-Match} check an update honours (RFC 9110 8.8.3, 13.1.1). The tag
 * is the version in quotes ({@code "3"}); a client that sends no {@code If-Match} updates
 * unconditionally, one that sends a stale tag gets {@link DomainException.PreconditionFailed} (412).
 */
public final class EntityTags {

    private static final Pattern TAG = Pattern.compile("\\s*(?:W/)?\"([^\"]*)\"\\s*");

    private EntityTags() {
    }

    /** The strong tag of a version, for the {@code ETag} header. */
    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /**
     * Passes when {@code ifMatch} is absent, {@code *}, or lists the current version's tag (weak tags are
     * compared by their value, as a version names one state of the whole resource); throws
     * {@link DomainException.PreconditionFailed} otherwise, including for a header that is not a list of
     * tags.
     */
    public static void requireMatch(@Nullable String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return;
        }
        var current = Long.toString(currentVersion);
        for (var candidate : ifMatch.split(",")) {
            var matcher = TAG.matcher(candidate);
            if (matcher.matches() && matcher.group(1).equals(current)) {
                return;
            }
        }
        throw new DomainException.PreconditionFailed(
                "The resource changed since you read it (it is now at " + of(currentVersion) + "): read it again and retry.");
    }
}
