package dev.kitty.platform.messaging;

import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * The CloudEvents 1.0 structured-mode JSON envelope every integration event travels in.
 *
 * <p>The data is kept as a JSON tree rather than the payload record so that the outbox can
 * store and re-send the envelope byte-for-byte without knowing the payload's class.
 */
public record CloudEvent(
        String specversion,
        String id,
        String source,
        String type,
        String subject,
        Instant time,
        String datacontenttype,
        JsonNode data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String CONTENT_TYPE = "application/cloudevents+json";
}
