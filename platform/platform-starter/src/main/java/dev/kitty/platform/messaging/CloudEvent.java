package dev.kitty.platform.messaging;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The CloudEvents 1.0 structured-mode JSON envelope every integration event travels in.
 *
 * <p>The data is kept as a JSON tree rather than the payload record so that the outbox can
 * store and re-send the envelope byte-for-byte without knowing the payload's class.
 *
 * <p>{@code traceparent} and {@code tracestate} are the CloudEvents distributed tracing extension
 * (W3C Trace Context of the span the event was published in). They are optional: left out of the
 * JSON when absent, and an envelope without them is handled in a trace of its own.
 */
public record CloudEvent(
        String specversion,
        String id,
        String source,
        String type,
        String subject,
        Instant time,
        String datacontenttype,
        JsonNode data,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String traceparent,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String tracestate) {

    public static final String SPEC_VERSION = "1.0";
    public static final String CONTENT_TYPE = "application/cloudevents+json";

    /** The envelope without trace context. */
    public CloudEvent(String specversion, String id, String source, String type, String subject, Instant time,
            String datacontenttype, JsonNode data) {
        this(specversion, id, source, type, subject, time, datacontenttype, data, null, null);
    }
}
