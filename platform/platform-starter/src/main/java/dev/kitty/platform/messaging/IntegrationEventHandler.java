package dev.kitty.platform.messaging;

import dev.kitty.events.EventType;

/**
 * Reacts to one type of integration event from another service. Declare an implementation
 * as a bean and the platform subscribes to its topic, decodes the envelope, skips events it
 * has processed before and calls {@link #handle} in a transaction together with recording
 * the event id, so that the effect happens exactly once even though delivery is at least
 * once. Events of types no handler claims are ignored (tolerant reader).
 *
 * <p>Throw {@link InvalidEventException} for an event that can never succeed: it goes to the
 * dead-letter topic at once. Any other exception is retried with back-off first.
 */
public interface IntegrationEventHandler<T extends Record> {

    EventType<T> eventType();

    void handle(T event, EventMetadata metadata);
}
