package dev.kitty.platform.messaging;

import java.time.Instant;

/** The envelope fields a handler may need besides the payload. */
public record EventMetadata(String id, String type, String source, String subject, Instant time) {

    static EventMetadata of(CloudEvent envelope) {
        return new EventMetadata(envelope.id(), envelope.type(), envelope.source(), envelope.subject(), envelope.time());
    }
}
