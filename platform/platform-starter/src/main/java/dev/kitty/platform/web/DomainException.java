package dev.kitty.platform.web;

import java.time.Duration;
import java.util.List;

/**
 * What an application service refuses with, in its own terms and without HTTP: the platform maps
 * each kind once, in {@link ProblemDetailsAdvice}, to the problem+json answer {@link ApiProblem}
 * would give (same {@code type} slug, title, status and headers). Throw these below the
 * controllers; {@code ApiProblem} belongs to the web layer.
 *
 * <p>The {@code slug} is the stable last segment of the problem's {@code type}
 * ({@code https://kitty.dev/problems/<slug>}) that clients branch on; the message is the
 * {@code detail}, written for the client.
 */
public abstract sealed class DomainException extends RuntimeException {

    private final String slug;
    private final String detail;

    private DomainException(String slug, String detail) {
        super(detail);
        this.slug = slug;
        this.detail = detail;
    }

    public String slug() {
        return slug;
    }

    public String detail() {
        return detail;
    }

    /** Absent, or not visible to the caller: never reveals that someone else's data exists. Slug {@code not-found}. */
    public static final class NotFound extends DomainException {
        public NotFound(String detail) {
            super("not-found", detail);
        }
    }

    /** The caller may see this but not do it. Slug {@code forbidden}. */
    public static final class Forbidden extends DomainException {
        public Forbidden(String detail) {
            super("forbidden", detail);
        }
    }

    /** The request contradicts the current state ({@code email-taken}, {@code last-super-user}). */
    public static final class Conflict extends DomainException {
        public Conflict(String slug, String detail) {
            super(slug, detail);
        }
    }

    /** Input the rules refuse ({@code weak-password}, {@code invalid-token}), with the fields to blame if any. */
    public static final class Invalid extends DomainException {

        private final List<FieldError> errors;

        public Invalid(String slug, String detail) {
            this(slug, detail, List.of());
        }

        public Invalid(String slug, String detail, List<FieldError> errors) {
            super(slug, detail);
            this.errors = List.copyOf(errors);
        }

        /** Empty when no field is to blame: the answer then has no {@code errors} member. */
        public List<FieldError> errors() {
            return errors;
        }
    }

    /** The caller's credentials are missing, wrong or not enough ({@code invalid-credentials}, {@code mfa-required}). */
    public static final class Unauthenticated extends DomainException {
        public Unauthenticated(String slug, String detail) {
            super(slug, detail);
        }
    }

    /**
     * The client changed a copy that is no longer current: its {@code If-Match} names another version
     * (lost-update protection, RFC 9110 13.1.1). Slug {@code stale-version}. See {@link EntityTags}.
     */
    public static final class PreconditionFailed extends DomainException {
        public PreconditionFailed(String detail) {
            super("stale-version", detail);
        }
    }

    /** Too many attempts: try again after {@code retryAfter}. Slug {@code throttled}. */
    public static final class Throttled extends DomainException {

        private final Duration retryAfter;

        public Throttled(String detail, Duration retryAfter) {
            super("throttled", detail);
            this.retryAfter = retryAfter;
        }

        public Duration retryAfter() {
            return retryAfter;
        }
    }
}
