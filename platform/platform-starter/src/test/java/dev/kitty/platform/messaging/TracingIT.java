package dev.kitty.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kitty.events.EventCatalog;
import dev.kitty.infra.EmbeddedKafkaBroker;
import dev.kitty.platform.messaging.ThingEvents.ThingHappened;
import dev.kitty.platform.test.EmbeddedInfrastructure;
import dev.kitty.platform.test.TopicRecords;
import io.micrometer.tracing.Tracer;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The trace crosses Kafka in the envelope: an event published inside a span is sent (later, by the outbox) with
 * that span's {@code traceparent}, and the consumer's listener runs in a span of the same trace, a child of the
 * publishing span. Real PostgreSQL, real Kafka, the platform's default tracing set-up (OpenTelemetry bridge).
 */
@SpringBootTest(classes = TracingIT.TracedThingService.class, properties = "spring.application.name=tracing-test")
@EmbeddedInfrastructure
class TracingIT {

    private static final Logger log = LoggerFactory.getLogger(TracingIT.class);

    @SpringBootApplication
    static class TracedThingService {

        @Bean
        EventCatalog thingEvents() {
            return ThingEvents.CATALOG;
        }

        @Bean
        SpanRecordingListener spanRecordingListener(Tracer tracer) {
            return new SpanRecordingListener(tracer);
        }
    }

    /** What the listener saw of the current span: trace id and parent span id, per thing. */
    record SeenSpan(String traceId, String spanId, String parentId) {
    }

    static class SpanRecordingListener {

        final Map<UUID, SeenSpan> seen = new ConcurrentHashMap<>();
        private final Tracer tracer;

        SpanRecordingListener(Tracer tracer) {
            this.tracer = tracer;
        }

        @IntegrationEventListener(id = "tracing-test.things.traced")
        void on(ThingHappened event) {
            var span = tracer.currentSpan();
            log.info("tracing-test listener handles thing {}", event.thingId());
            if (span != null) {
                seen.put(event.thingId(), new SeenSpan(span.context().traceId(), span.context().spanId(), span.context().parentId()));
            } else {
                seen.put(event.thingId(), new SeenSpan("none", "none", "none"));
            }
        }
    }

    @Autowired
    IntegrationEvents events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    Tracer tracer;

    @Autowired
    SpanRecordingListener listener;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    JsonMapper jsonMapper;

    @Test
    void anEventPublishedInASpanCarriesItsTraceparentAndIsHandledInTheSameTrace() {
        var thing = new ThingHappened(UUID.randomUUID(), "traced");
        var publishing = tracer.nextSpan().name("register").start();
        try (var scope = tracer.withSpan(publishing)) {
            log.info("tracing-test publishes thing {}", thing.thingId());
            transactions.executeWithoutResult(status -> events.publish(ThingEvents.THING_HAPPENED, thing));
        } finally {
            publishing.end();
        }
        var traceId = publishing.context().traceId();

        var record = TopicRecords.await(broker.bootstrapServers(), ThingEvents.TOPIC, r -> thing.thingId().toString().equals(r.key()),
                Duration.ofSeconds(30)).stream().filter(r -> thing.thingId().toString().equals(r.key())).findFirst().orElseThrow();
        var envelope = jsonMapper.readValue(record.value(), CloudEvent.class);
        assertThat(envelope.traceparent())
                .as("W3C traceparent of the publishing span in the envelope")
                .isEqualTo("00-" + traceId + "-" + publishing.context().spanId() + "-01");

        await().atMost(Duration.ofSeconds(30)).until(() -> listener.seen.containsKey(thing.thingId()));
        var seen = listener.seen.get(thing.thingId());
        assertThat(seen.traceId()).as("the listener's trace").isEqualTo(traceId);
        assertThat(seen.parentId()).as("the consumer span's parent").isEqualTo(publishing.context().spanId());
        assertThat(seen.spanId()).isNotEqualTo(publishing.context().spanId());
    }

    @Autowired
    ApplicationContext context;

    @Test
    void samplesEverythingAndExportsNothingByDefault() {
        assertThat(context.getEnvironment().getProperty("management.tracing.sampling.probability")).isEqualTo("1.0");
        assertThat(context.getBeansOfType(SpanExporter.class).values())
                .as("no OTLP exporter unless management.tracing.export.otlp.enabled=true")
                .noneMatch(exporter -> exporter.getClass().getName().contains("Otlp"));
    }

    @Test
    void anEventPublishedOutsideASpanTravelsWithoutTraceContextAndIsHandledInATraceOfItsOwn() {
        var thing = new ThingHappened(UUID.randomUUID(), "untraced");

        transactions.executeWithoutResult(status -> events.publish(ThingEvents.THING_HAPPENED, thing));

        var record = TopicRecords.await(broker.bootstrapServers(), ThingEvents.TOPIC, r -> thing.thingId().toString().equals(r.key()),
                Duration.ofSeconds(30)).stream().filter(r -> thing.thingId().toString().equals(r.key())).findFirst().orElseThrow();
        assertThat(record.value()).doesNotContain("traceparent");
        await().atMost(Duration.ofSeconds(30)).until(() -> listener.seen.containsKey(thing.thingId()));
        assertThat(listener.seen.get(thing.thingId()).traceId()).hasSize(32).isNotEqualTo("none");
    }
}
