package dev.kitty.platform.messaging;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Carries the trace across the event bus in the envelope itself (the CloudEvents distributed
 * tracing extension: {@code traceparent}, {@code tracestate}), not in Kafka headers: the outbox
 * sends the event later, from another thread, so the context is captured when the event is
 * published and restored around each listener call.
 */
class EventTracing {

    static final String TRACEPARENT = "traceparent";
    static final String TRACESTATE = "tracestate";

    /** Without a tracer: envelopes carry no trace context and listeners run without a span. */
    static final EventTracing NONE = new EventTracing(null, null);

    private final @Nullable Tracer tracer;
    private final @Nullable Propagator propagator;

    EventTracing(@Nullable Tracer tracer, @Nullable Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** The W3C trace context of the current span, or an empty map when there is none (or no tracer). */
    Map<String, String> currentContext() {
        if (tracer == null || propagator == null) {
            return Map.of();
        }
        var span = tracer.currentSpan();
        if (span == null) {
            return Map.of();
        }
        var carrier = new HashMap<String, String>();
        propagator.inject(span.context(), carrier, Map::put);
        return carrier;
    }

    /**
     * Runs {@code work} in a consumer span that continues the envelope's trace, or starts a new
     * trace when the envelope carries none.
     */
    <T> T inConsumerSpan(CloudEvent envelope, String topic, Supplier<T> work) {
        if (tracer == null || propagator == null) {
            return work.get();
        }
        var carrier = new HashMap<String, String>();
        if (envelope.traceparent() != null) {
            carrier.put(TRACEPARENT, envelope.traceparent());
            if (envelope.tracestate() != null) {
                carrier.put(TRACESTATE, envelope.tracestate());
            }
        }
        Span span = propagator.extract(carrier, Map::get)
                .name(envelope.type() + " process")
                .kind(Span.Kind.CONSUMER)
                .tag("messaging.system", "kafka")
                .tag("messaging.operation.type", "process")
                .tag("messaging.destination.name", topic)
                .tag("messaging.message.id", envelope.id())
                .tag("cloudevents.event_type", envelope.type())
                .start();
        try (var scope = tracer.withSpan(span)) {
            return work.get();
        } catch (RuntimeException | Error e) {
            span.error(e);
            throw e;
        } finally {
            span.end();
        }
    }
}
