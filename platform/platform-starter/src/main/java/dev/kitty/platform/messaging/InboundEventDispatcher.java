package dev.kitty.platform.messaging;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the service's consumer does with each record: decodes the CloudEvents envelope and
 * the payload, and applies the event once per listener of its type.
 */
class InboundEventDispatcher {

    private static final Logger log = LoggerFactory.getLogger(InboundEventDispatcher.class);

    private final Map<String, List<ListenerMethod>> listenersByType;
    private final JsonMapper jsonMapper;
    private final ProcessedEvents processedEvents;
    private final TransactionTemplate transactions;
    private final EventTracing tracing;

    InboundEventDispatcher(List<ListenerMethod> listeners, JsonMapper jsonMapper, ProcessedEvents processedEvents,
            TransactionTemplate transactions) {
        this(listeners, jsonMapper, processedEvents, transactions, EventTracing.NONE);
    }

    InboundEventDispatcher(List<ListenerMethod> listeners, JsonMapper jsonMapper, ProcessedEvents processedEvents,
            TransactionTemplate transactions, EventTracing tracing) {
        this.tracing = tracing;
        this.listenersByType = listeners.stream().collect(Collectors.groupingBy(listener -> listener.type().name()));
        this.jsonMapper = jsonMapper;
        this.processedEvents = processedEvents;
        this.transactions = transactions;
    }

    String[] topics() {
        return listenersByType.values().stream().flatMap(List::stream).map(listener -> listener.type().topic())
                .distinct().sorted().toArray(String[]::new);
    }

    /**
     * Each listener runs in a transaction of its own: when one fails and the record is
     * retried, those that succeeded skip it as processed.
     *
     * @throws InvalidEventException for a record that is no envelope or whose payload does not fit its type
     */
    void onRecord(ConsumerRecord<String, byte[]> record) {
        var envelope = decode(record);
        var listeners = listenersByType.getOrDefault(envelope.type(), List.of());
        if (listeners.isEmpty()) {
            log.debug("Ignoring {} event {}: no listener here", envelope.type(), envelope.id());
            return;
        }
        var payload = payloadOf(envelope, listeners.getFirst().type().payload());
        var metadata = EventMetadata.of(envelope);
        // a consumer span in the producer's trace (the envelope's traceparent), so the listeners' work and log lines join it
        tracing.inConsumerSpan(envelope, record.topic(), () -> {
            log.debug("Handling {} event {} from {}", envelope.type(), envelope.id(), envelope.source());
            for (var listener : listeners) {
                transactions.executeWithoutResult(status -> {
                    if (processedEvents.markProcessed(envelope.id(), listener.id())) {
                        listener.invoke(payload, metadata);
                    } else {
                        log.debug("Skipping {} event {} for {}: processed before", envelope.type(), envelope.id(), listener.id());
                    }
                });
            }
            return null;
        });
    }

    private CloudEvent decode(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            throw new InvalidEventException("Record without value at " + record.topic() + "-" + record.partition() + "@" + record.offset());
        }
        try {
            var envelope = jsonMapper.readValue(record.value(), CloudEvent.class);
            if (envelope.id() == null || envelope.id().isBlank() || envelope.type() == null || envelope.data() == null) {
                throw new InvalidEventException("CloudEvent without id, type or data: "
                        + new String(record.value(), StandardCharsets.UTF_8));
            }
            return envelope;
        } catch (JacksonException e) {
            throw new InvalidEventException("Not a CloudEvents JSON envelope at " + record.topic() + "-" + record.partition()
                    + "@" + record.offset(), e);
        }
    }

    /** Contract records check their required fields in their constructors; Jackson reports a refusal as a JacksonException. */
    private Record payloadOf(CloudEvent envelope, Class<? extends Record> payloadType) {
        try {
            return jsonMapper.treeToValue(envelope.data(), payloadType);
        } catch (JacksonException e) {
            throw new InvalidEventException("Event " + envelope.id() + " of type " + envelope.type() + " does not fit "
                    + payloadType.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }
}
