package dev.kitty.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

import dev.kitty.platform.messaging.ThingEvents.ThingHappened;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelPropagator;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.ReflectionUtils;
import tools.jackson.databind.json.JsonMapper;

/** The CloudEvents tracing extension in the envelope, on the platform's real tracer (OpenTelemetry bridge), without Kafka. */
class EventTracingTests {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String PARENT_SPAN_ID = "00f067aa0ba902b7";

    private final InMemorySpanExporter spans = InMemorySpanExporter.create();
    private final SdkTracerProvider provider = SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build();
    private final io.opentelemetry.api.trace.Tracer otelTracer = provider.get("test");
    private final Tracer tracer = new OtelTracer(otelTracer, new OtelCurrentTraceContext(), event -> { });
    private final EventTracing tracing = new EventTracing(tracer,
            new OtelPropagator(ContextPropagators.create(W3CTraceContextPropagator.getInstance()), otelTracer));
    private final JsonMapper jsonMapper = JsonMapper.builder().build();

    /** Records the current span's trace and parent span id per thing. */
    class Recorder {

        final List<String> seen = new ArrayList<>();

        void on(ThingHappened event) {
            var span = tracer.currentSpan();
            seen.add(span == null ? "no span" : span.context().traceId() + "/" + span.context().parentId());
        }
    }

    private final Recorder recorder = new Recorder();
    private final ProcessedEvents processedEvents = mock();
    private final InboundEventDispatcher dispatcher = new InboundEventDispatcher(
            List.of(new ListenerMethod("test.things.traced", ThingEvents.THING_HAPPENED, recorder,
                    ReflectionUtils.findMethod(Recorder.class, "on", ThingHappened.class), false)),
            jsonMapper, processedEvents, new TransactionTemplate(mock(PlatformTransactionManager.class)), tracing);

    @AfterEach
    void closeTransaction() {
        TransactionSynchronizationManager.setActualTransactionActive(false);
        provider.close();
    }

    @Test
    void anEventPublishedInASpanCarriesThatSpansTraceparent() {
        var events = integrationEvents();
        var span = tracer.nextSpan().name("publishing").start();
        CloudEvent envelope;
        try (var scope = tracer.withSpan(span)) {
            envelope = events.publish(ThingEvents.THING_HAPPENED, new ThingHappened(UUID.randomUUID(), "x"));
        } finally {
            span.end();
        }

        assertThat(envelope.traceparent()).isEqualTo("00-" + span.context().traceId() + "-" + span.context().spanId() + "-01");
        assertThat(jsonMapper.writeValueAsString(envelope)).contains("\"traceparent\":\"" + envelope.traceparent() + "\"");
    }

    @Test
    void anEventPublishedOutsideASpanHasNoTraceAttributesInItsJson() {
        var envelope = integrationEvents().publish(ThingEvents.THING_HAPPENED, new ThingHappened(UUID.randomUUID(), "x"));

        assertThat(envelope.traceparent()).isNull();
        assertThat(jsonMapper.writeValueAsString(envelope)).doesNotContain("traceparent").doesNotContain("tracestate");
    }

    @Test
    void theListenerRunsInAConsumerSpanThatContinuesTheEnvelopesTrace() {
        given(processedEvents.markProcessed("event-1", "test.things.traced")).willReturn(true);

        dispatcher.onRecord(record("event-1", ",\"traceparent\":\"00-" + TRACE_ID + "-" + PARENT_SPAN_ID + "-01\""));

        assertThat(recorder.seen).containsExactly(TRACE_ID + "/" + PARENT_SPAN_ID);
        assertThat(spans.getFinishedSpanItems()).singleElement().satisfies(span -> {
            assertThat(span.getTraceId()).isEqualTo(TRACE_ID);
            assertThat(span.getParentSpanId()).isEqualTo(PARENT_SPAN_ID);
            assertThat(span.getKind()).isEqualTo(io.opentelemetry.api.trace.SpanKind.CONSUMER);
            assertThat(span.getName()).isEqualTo("kitty.thing.happened.v1 process");
        });
    }

    @Test
    void anEnvelopeWithoutTraceparentStillDecodesAndIsHandledInATraceOfItsOwn() {
        given(processedEvents.markProcessed("event-2", "test.things.traced")).willReturn(true);

        dispatcher.onRecord(record("event-2", ""));

        assertThat(recorder.seen).singleElement().asString().doesNotStartWith("no span").doesNotContain(TRACE_ID);
        assertThat(spans.getFinishedSpanItems()).singleElement()
                .satisfies(span -> assertThat(span.getParentSpanContext().isValid()).as("a root span").isFalse());
    }

    @Test
    void anEnvelopeWithoutTraceparentIsHandledWithoutATracerToo() {
        given(processedEvents.markProcessed("event-3", "test.things.traced")).willReturn(true);
        var untraced = new InboundEventDispatcher(
                List.of(new ListenerMethod("test.things.traced", ThingEvents.THING_HAPPENED, recorder,
                        ReflectionUtils.findMethod(Recorder.class, "on", ThingHappened.class), false)),
                jsonMapper, processedEvents, new TransactionTemplate(mock(PlatformTransactionManager.class)), EventTracing.NONE);

        untraced.onRecord(record("event-3", ""));

        assertThat(recorder.seen).containsExactly("no span");
    }

    private IntegrationEvents integrationEvents() {
        TransactionSynchronizationManager.setActualTransactionActive(true);
        return new IntegrationEvents(mock(ApplicationEventPublisher.class), jsonMapper, List.of(ThingEvents.CATALOG), "/kitty/test",
                Clock.systemUTC(), tracing);
    }

    private static ConsumerRecord<String, byte[]> record(String id, String traceAttributes) {
        var json = """
                {"specversion":"1.0","id":"%s","source":"/kitty/test","type":"kitty.thing.happened.v1","subject":"s",
                 "time":"2026-11-23T10:00:00Z","datacontenttype":"application/json"%s,
                 "data":{"thingId":"%s","label":"x"}}
                """.formatted(id, traceAttributes, UUID.randomUUID());
        return new ConsumerRecord<>(ThingEvents.TOPIC, 0, 0L, "s", json.getBytes(StandardCharsets.UTF_8));
    }

}
