package dev.kitty.gateway.error;

import java.net.URI;
import java.util.Locale;
import org.springframework.http.HttpStatus;

/** The RFC 9457 body the gateway answers with when it cannot hand a request to a service. */
record Problem(URI type, String title, int status, String detail, String instance) {

    /** Same type URIs as the services' problems, so a client branches on them the same way. */
    static final String TYPE_BASE = "https://kitty.dev/problems/";

    static Problem of(HttpStatus status, String detail, String instance) {
        var slug = status.name().toLowerCase(Locale.ROOT).replace('_', '-');
        return new Problem(URI.create(TYPE_BASE + slug), status.getReasonPhrase(), status.value(), detail, instance);
    }
}
