package dev.kitty.platform.messaging;

import dev.kitty.events.EventCatalog;
import dev.kitty.events.EventType;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes integration events through the transactional outbox: the event is recorded in
 * the service's own database in the caller's transaction (Spring Modulith's event
 * publication registry) and sent to Kafka after that transaction commits; publications
 * that fail are retried until Kafka acknowledges them. An event is therefore published if
 * and only if the change that caused it is committed.
 */
public class IntegrationEvents {

    private final ApplicationEventPublisher publisher;
    private final JsonMapper jsonMapper;
    private final List<EventCatalog> published;
    private final String source;
    private final Clock clock;
    private final EventTracing tracing;

    public IntegrationEvents(ApplicationEventPublisher publisher, JsonMapper jsonMapper, List<EventCatalog> published,
            String source, Clock clock) {
        this(publisher, jsonMapper, published, source, clock, EventTracing.NONE);
    }

    IntegrationEvents(ApplicationEventPublisher publisher, JsonMapper jsonMapper, List<EventCatalog> published,
            String source, Clock clock, EventTracing tracing) {
        this.tracing = tracing;
        this.publisher = publisher;
        this.jsonMapper = jsonMapper;
        this.published = List.copyOf(published);
        this.source = source;
        this.clock = clock;
    }

    /**
     * Records {@code payload} for publication as {@code type}.
     *
     * @throws IllegalStateException when no transaction is active (the outbox guarantee
     *                               needs one) or the type is not in a catalog this service
     *                               declared it publishes
     */
    // The trace context is taken here, in the publishing thread, and kept in the envelope: the outbox
    // sends the event after commit (or on a resubmission much later) from a thread of its own.
    public <T extends Record> CloudEvent publish(EventType<T> type, T payload) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("Integration events must be published inside a transaction: " + type);
        }
        if (published.stream().noneMatch(catalog -> catalog.byName(type.name()).isPresent())) {
            throw new IllegalStateException(type + " is not in an event catalog this service publishes; declare the catalog as a bean");
        }
        var trace = tracing.currentContext();
        var envelope = new CloudEvent(CloudEvent.SPEC_VERSION, UUID.randomUUID().toString(), source, type.name(),
                type.keyFor(payload), clock.instant(), "application/json", jsonMapper.valueToTree(payload),
                trace.get(EventTracing.TRACEPARENT), trace.get(EventTracing.TRACESTATE));
        publisher.publishEvent(new OutgoingEvent(type.topic(), envelope));
        return envelope;
    }
}
