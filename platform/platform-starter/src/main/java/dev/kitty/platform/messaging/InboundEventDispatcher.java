package dev.kitty.platform.messaging;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.ClassUtils;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one Kafka listener of a service: decodes the CloudEvents envelope, finds the handler
 * for its type and applies it once.
 */
class InboundEventDispatcher {

    private static final Logger log = LoggerFactory.getLogger(InboundEventDispatcher.class);

    private final Map<String, List<IntegrationEventHandler<?>>> handlersByType;
    private final JsonMapper jsonMapper;
    private final ProcessedEvents processedEvents;
    private final TransactionTemplate transactions;

    InboundEventDispatcher(Collection<IntegrationEventHandler<?>> handlers, JsonMapper jsonMapper, ProcessedEvents processedEvents,
            TransactionTemplate transactions) {
        this.handlersByType = handlers.stream().collect(Collectors.groupingBy(handler -> handler.eventType().name()));
        this.jsonMapper = jsonMapper;
        this.processedEvents = processedEvents;
        this.transactions = transactions;
    }

    public String[] topics() {
        return handlersByType.values().stream().flatMap(List::stream).map(handler -> handler.eventType().topic())
                .distinct().sorted().toArray(String[]::new);
    }

    @KafkaListener(id = "${spring.application.name}-inbound-events", idIsGroup = false, topics = "#{__listener.topics()}")
    void onRecord(ConsumerRecord<String, byte[]> record) {
        var envelope = decode(record);
        var handlers = handlersByType.getOrDefault(envelope.type(), List.of());
        if (handlers.isEmpty()) {
            log.debug("Ignoring {} event {}: no handler here", envelope.type(), envelope.id());
            return;
        }
        for (var handler : handlers) {
            apply(handler, envelope);
        }
    }

    private <T extends Record> void apply(IntegrationEventHandler<T> handler, CloudEvent envelope) {
        var payload = payloadOf(envelope, handler.eventType().payload());
        var handlerName = handlerName(handler);
        transactions.executeWithoutResult(status -> {
            if (processedEvents.markProcessed(envelope.id(), handlerName)) {
                handler.handle(payload, EventMetadata.of(envelope));
            } else {
                log.debug("Skipping {} event {} for {}: processed before", envelope.type(), envelope.id(), handlerName);
            }
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

    private <T extends Record> T payloadOf(CloudEvent envelope, Class<T> payloadType) {
        try {
            return jsonMapper.treeToValue(envelope.data(), payloadType);
        } catch (JacksonException e) {
            throw new InvalidEventException("Event " + envelope.id() + " of type " + envelope.type() + " does not fit "
                    + payloadType.getSimpleName(), e);
        }
    }

    private static String handlerName(IntegrationEventHandler<?> handler) {
        return ClassUtils.getUserClass(handler).getName();
    }
}
