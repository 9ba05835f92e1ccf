package dev.kitty.platform.web;

import java.net.URI;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * An RFC 9457 problem a service answers with on purpose: throw it from anywhere below a
 * controller and the client gets {@code application/problem+json} with a stable
 * {@code type} it can branch on (e.g. {@code .../problems/mfa-required}).
 */
public class ApiProblem extends ErrorResponseException {

    public static final String TYPE_BASE = "https://kitty.dev/problems/";

    private final HttpHeaders headers = new HttpHeaders();

    private ApiProblem(HttpStatus status, String slug, String title, String detail) {
        super(status, problem(status, slug, title, detail), null);
    }

    public static ApiProblem of(HttpStatus status, String slug, String title, String detail) {
        return new ApiProblem(status, slug, title, detail);
    }

    public static URI type(String slug) {
        return URI.create(TYPE_BASE + slug);
    }

    public static ApiProblem badRequest(String slug, String detail) {
        return of(HttpStatus.BAD_REQUEST, slug, "Bad request", detail);
    }

    public static ApiProblem unauthorized(String slug, String detail) {
        return of(HttpStatus.UNAUTHORIZED, slug, "Unauthorized", detail);
    }

    public static ApiProblem forbidden(String detail) {
        return of(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", detail);
    }

    /** Also for things that exist but the caller may not see: never reveal someone else's data exists. */
    public static ApiProblem notFound(String detail) {
        return of(HttpStatus.NOT_FOUND, "not-found", "Not found", detail);
    }

    public static ApiProblem conflict(String slug, String detail) {
        return of(HttpStatus.CONFLICT, slug, "Conflict", detail);
    }

    public static ApiProblem preconditionFailed(String detail) {
        return of(HttpStatus.PRECONDITION_FAILED, "stale-version", "Precondition failed", detail);
    }

    public static ApiProblem tooManyRequests(String detail, Duration retryAfter) {
        var problem = of(HttpStatus.TOO_MANY_REQUESTS, "throttled", "Too many requests", detail);
        var seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        problem.headers.set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        problem.getBody().setProperty("retryAfterSeconds", seconds);
        return problem;
    }

    /** Adds an extension member to the problem body. */
    public ApiProblem with(String property, Object value) {
        getBody().setProperty(property, value);
        return this;
    }

    @Override
    public HttpHeaders getHeaders() {
        return headers;
    }

    private static ProblemDetail problem(HttpStatus status, String slug, String title, String detail) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type(slug));
        problem.setTitle(title);
        return problem;
    }
}
