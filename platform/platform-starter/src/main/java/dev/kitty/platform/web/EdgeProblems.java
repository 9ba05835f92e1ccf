package dev.kitty.platform.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/**
 * Problems for requests refused before (or instead of) any controller: by the servlet
 * container, the security firewall or the error page. Their {@code type} is derived from the
 * status ({@code .../problems/bad-request}, {@code .../uri-too-long}), the same slugs the
 * gateway uses, and their {@code detail} never echoes the request back.
 */
public final class EdgeProblems {

    /** The methods the API serves; anything else is refused before it reaches a controller. */
    public static final Set<String> SERVED_METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    /** Methods HTTP defines (RFC 9110, RFC 5789) but the API does not serve: 405 rather than 501. */
    private static final Set<String> KNOWN_METHODS = Set.of("CONNECT", "TRACE");

    private EdgeProblems() {
    }

    /** A problem typed after its status, with a detail that suits any request refused that way. */
    public static ProblemDetail forStatus(HttpStatusCode status) {
        return forStatus(status, defaultDetail(status.value()));
    }

    public static ProblemDetail forStatus(HttpStatusCode status, String detail) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(ApiProblem.type(slugOf(status)));
        var resolved = HttpStatus.resolve(status.value());
        problem.setTitle(resolved != null ? resolved.getReasonPhrase() : "HTTP " + status.value());
        return problem;
    }

    /** 405 for a method HTTP defines that the API does not serve, 501 for one nobody defined. */
    public static HttpStatus statusForRefusedMethod(String method) {
        return KNOWN_METHODS.contains(method) || SERVED_METHODS.contains(method)
                ? HttpStatus.METHOD_NOT_ALLOWED : HttpStatus.NOT_IMPLEMENTED;
    }

    /** The {@code Allow} header value for a 405. */
    public static String allowedMethods() {
        return String.join(", ", HttpMethod.GET.name(), HttpMethod.HEAD.name(), HttpMethod.POST.name(), HttpMethod.PUT.name(),
                HttpMethod.PATCH.name(), HttpMethod.DELETE.name(), HttpMethod.OPTIONS.name());
    }

    /** {@code bad-request}, {@code request-header-fields-too-large}: the status name in lower case. */
    public static String slugOf(HttpStatusCode status) {
        var resolved = HttpStatus.resolve(status.value());
        return resolved == null ? "http-" + status.value() : resolved.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static String defaultDetail(int status) {
        return switch (status) {
            case 400 -> "The request is malformed: its request line, headers or target could not be accepted.";
            case 401 -> "A valid access token is required: Authorization: Bearer <token>.";
            case 403 -> "You are not allowed to do this.";
            case 404 -> "No resource at this path.";
            case 405 -> "This method is not allowed here.";
            case 406 -> "This resource is available as application/json only; errors as application/problem+json.";
            case 408 -> "The request took too long to arrive.";
            case 411 -> "This request needs a Content-Length.";
            case 413 -> "The request body is too large.";
            case 414 -> "The request target (path and query) is too long.";
            case 415 -> "The request body must be application/json.";
            case 431 -> "The request headers are too large.";
            case 501 -> "This method or transfer coding is not supported.";
            case 505 -> "This HTTP version is not supported; use HTTP/1.1.";
            default -> status >= 500 ? "Something went wrong on our side. It has been logged."
                    : "The request could not be processed.";
        };
    }

    /** Writes {@code problem} as the whole response, whatever the request's {@code Accept} said. */
    public static void write(HttpServletResponse response, JsonMapper json, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), members(problem));
    }

    /** The members of the body, in the order RFC 9457 lists them, for writers without Spring's ProblemDetail support. */
    static Map<String, Object> members(ProblemDetail problem) {
        var members = new LinkedHashMap<String, Object>();
        members.put("type", problem.getType().toString());
        members.put("title", problem.getTitle());
        members.put("status", problem.getStatus());
        members.put("detail", problem.getDetail());
        if (problem.getProperties() != null) {
            members.putAll(problem.getProperties());
        }
        return members;
    }
}
