package dev.kitty.gateway.error;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * The RFC 9457 body the gateway answers with when it cannot hand a request to a service.
 * Public so the gateway's own filters (e.g. the HTTP Basic exchange) answer with the same shape.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(URI type, String title, int status, String detail, @Nullable String instance) {

    /** Same type URIs as the services' problems, so a client branches on them the same way. */
    static final String TYPE_BASE = "https://kitty.dev/problems/";

    /** A problem whose type slug is derived from the status, e.g. {@code service-unavailable}. */
    public static Problem of(HttpStatus status, String detail, @Nullable String instance) {
        return of(status, status.name().toLowerCase(Locale.ROOT).replace('_', '-'), detail, instance);
    }

    /** A problem with an explicit type slug, e.g. {@code invalid-credentials}. */
    public static Problem of(HttpStatus status, String slug, String detail, @Nullable String instance) {
        return new Problem(type(slug), status.getReasonPhrase(), status.value(), detail, instance);
    }

    static URI type(String slug) {
        return URI.create(TYPE_BASE + slug);
    }

    /** The same wording the services' platform uses for requests refused at the edge. */
    static String defaultDetail(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> "The request is malformed: its request line, headers or target could not be accepted.";
            case NOT_FOUND -> "No resource at this path.";
            case METHOD_NOT_ALLOWED -> "This method is not allowed here.";
            case NOT_ACCEPTABLE -> "This resource is available as application/json only; errors as application/problem+json.";
            case REQUEST_TIMEOUT -> "The request took too long to arrive.";
            case PAYLOAD_TOO_LARGE -> "The request body is too large.";
            case URI_TOO_LONG -> "The request target (path and query) is too long.";
            case UNSUPPORTED_MEDIA_TYPE -> "The request body must be application/json.";
            case REQUEST_HEADER_FIELDS_TOO_LARGE -> "The request headers are too large.";
            case NOT_IMPLEMENTED -> "This method or transfer coding is not supported.";
            case HTTP_VERSION_NOT_SUPPORTED -> "This HTTP version is not supported; use HTTP/1.1.";
            default -> status.is5xxServerError() ? "Something went wrong in the gateway. It has been logged."
                    : status.getReasonPhrase();
        };
    }
}
