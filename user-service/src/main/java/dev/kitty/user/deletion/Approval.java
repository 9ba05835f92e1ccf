package dev.kitty.user.deletion;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** auth-service's answer to "may this account be deleted?" */
sealed interface Approval {

    /** Approved (204): delete. */
    record Approved() implements Approval {}

    /**
     * Refused (401, 403, 404, 409, 429): the caller gets the same status and problem type.
     *
     * @param slug       the problem type's last segment ({@code invalid-credentials}, {@code mfa-required}, ...)
     * @param retryAfter how long to wait, for a 429
     */
    record Refused(int status, String slug, String detail, @Nullable Duration retryAfter) implements Approval {}

    /** auth-service could not answer (down, too slow, 5xx, breaker open, an answer we cannot use): try later. */
    record Unavailable(String reason) implements Approval {}
}
