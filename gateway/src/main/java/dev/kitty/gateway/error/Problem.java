package dev.kitty.gateway.error;

import java.net.URI;
import java.util.Locale;
import org.springframework.http.HttpStatus;

/**
 * The RFC 9457 body the gateway answers with when it cannot hand a request to a service.
 * Public so the gateway's own filters (e.g. the HTTP Basic exchange) answer with the same shape.
 */
public record Problem(URI type, String title, int status, String detail, String instance) {

    /** Same type URIs as the services' problems, so a client branches on them the same way. */
    static final String TYPE_BASE = "https://kitty.dev/problems/";

    /** A problem whose type slug is derived from the status, e.g. {@code service-unavailable}. */
    public static Problem of(HttpStatus status, String detail, String instance) {
        return of(status, status.name().toLowerCase(Locale.ROOT).replace('_', '-'), detail, instance);
    }

    /** A problem with an explicit type slug, e.g. {@code invalid-credentials}. */
    public static Problem of(HttpStatus status, String slug, String detail, String instance) {
        return new Problem(URI.create(TYPE_BASE + slug), status.getReasonPhrase(), status.value(), detail, instance);
    }
}
