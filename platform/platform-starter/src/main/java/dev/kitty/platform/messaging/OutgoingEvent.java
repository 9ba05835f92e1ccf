package dev.kitty.platform.messaging;

/**
 * What the outbox stores and externalizes: the envelope plus its destination. Kept apart
 * from {@link CloudEvent} so the topic never leaks into the wire format.
 */
record OutgoingEvent(String topic, CloudEvent envelope) {

    String key() {
        return envelope.subject();
    }
}
