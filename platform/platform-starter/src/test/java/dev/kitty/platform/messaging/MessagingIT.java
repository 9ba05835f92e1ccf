package dev.kitty.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

import dev.kitty.events.EventCatalog;
import dev.kitty.events.EventType;
import dev.kitty.infra.EmbeddedKafkaBroker;
import dev.kitty.platform.messaging.ThingEvents.ThingHappened;
import dev.kitty.platform.test.EmbeddedInfrastructure;
import dev.kitty.platform.test.MutableClock;
import dev.kitty.platform.test.TopicRecords;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.transaction.support.TransactionTemplate;

/** The outbox and the consumer side of the platform, on a real PostgreSQL and a real Kafka broker. */
@SpringBootTest(classes = MessagingIT.ThingService.class, properties = {
        "spring.application.name=messaging-test",
        "kitty.messaging.retry-backoff=50ms",
        "kitty.messaging.retry-attempts=2"})
@EmbeddedInfrastructure
class MessagingIT {

    static final String TOPIC = ThingEvents.TOPIC;
    static final EventType<ThingHappened> THING_HAPPENED = ThingEvents.THING_HAPPENED;
    static final Instant START = Instant.parse("2026-11-23T10:00:00Z");

    @SpringBootApplication
    static class ThingService {

        @Bean
        EventCatalog thingEvents() {
            return ThingEvents.CATALOG;
        }

        @Bean
        MutableClock clock() {
            return new MutableClock(START);
        }

        @Bean
        ThingRecorder thingRecorder(JdbcClient jdbc) {
            return new ThingRecorder(jdbc);
        }
    }

    /** More failures than {@code retry-attempts} allows: only an unbounded retry of transient failures gets through. */
    static final int DATABASE_AWAY_TIMES = 6;

    static final java.util.Map<UUID, Integer> DATABASE_AWAY_FAILURES = new java.util.concurrent.ConcurrentHashMap<>();

    /** Two listeners of one type in one class: each applies an event once, under its own id. */
    static class ThingRecorder {

        private final JdbcClient jdbc;

        ThingRecorder(JdbcClient jdbc) {
            this.jdbc = jdbc;
        }

        @IntegrationEventListener(id = "messaging-test.things.seen")
        void seen(ThingHappened event, EventMetadata metadata) {
            if ("explode".equals(event.label())) {
                throw new IllegalStateException("this thing always fails");
            }
            if ("database-away".equals(event.label())
                    && DATABASE_AWAY_FAILURES.merge(event.thingId(), 1, Integer::sum) <= DATABASE_AWAY_TIMES) {
                throw new CannotGetJdbcConnectionException("the database is away for a while");
            }
            jdbc.sql("INSERT INTO thing_seen (thing_id, label) VALUES (?, ?)").params(event.thingId(), metadata.type()).update();
        }

        @IntegrationEventListener(id = "messaging-test.things.counted")
        void counted(ThingHappened event) {
            if (!"explode".equals(event.label())) {
                jdbc.sql("INSERT INTO thing_seen (thing_id, label) VALUES (?, 'counted')").params(event.thingId()).update();
            }
        }
    }

    @Autowired
    IntegrationEvents events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    KafkaTemplate<Object, Object> kafka;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    MutableClock clock;

    @Autowired
    ProcessedEventPruning pruning;

    @Test
    void publishesACommittedEventAsACloudEventKeyedByItsAggregate() {
        var thing = new ThingHappened(UUID.randomUUID(), "committed");

        transactions.executeWithoutResult(status -> events.publish(THING_HAPPENED, thing));

        var record = awaitOnTopic(TOPIC, thing.thingId().toString());
        assertThat(record.value())
                .contains("\"specversion\":\"1.0\"")
                .contains("\"type\":\"kitty.thing.happened.v1\"")
                .contains("\"source\":\"/kitty/messaging-test\"")
                .contains("\"subject\":\"" + thing.thingId() + "\"")
                .contains("\"label\":\"committed\"");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(jdbc.sql("SELECT count(*) FROM event_publication").query(Long.class).single()).isZero());
    }

    @Test
    void publishesNothingWhenTheTransactionRollsBack() {
        var rolledBack = new ThingHappened(UUID.randomUUID(), "rolled back");
        var marker = new ThingHappened(UUID.randomUUID(), "marker");

        transactions.executeWithoutResult(status -> {
            events.publish(THING_HAPPENED, rolledBack);
            status.setRollbackOnly();
        });
        transactions.executeWithoutResult(status -> events.publish(THING_HAPPENED, marker));

        var seen = TopicRecords.await(broker.bootstrapServers(), TOPIC, r -> marker.thingId().toString().equals(r.key()),
                Duration.ofSeconds(30));
        assertThat(seen).noneMatch(r -> rolledBack.thingId().toString().equals(r.key()));
    }

    @Test
    void refusesToPublishOutsideATransaction() {
        assertThatIllegalStateException()
                .isThrownBy(() -> events.publish(THING_HAPPENED, new ThingHappened(UUID.randomUUID(), "loose")))
                .withMessageContaining("transaction");
    }

    @Test
    void appliesAnEventOnceEvenWhenItIsDeliveredTwice() {
        var thingId = UUID.randomUUID();
        var envelope = cloudEvent(UUID.randomUUID().toString(), thingId, "twice");

        send(thingId.toString(), envelope);
        send(thingId.toString(), envelope);
        var marker = UUID.randomUUID();
        send(marker.toString(), cloudEvent(UUID.randomUUID().toString(), marker, "after"));

        await().atMost(Duration.ofSeconds(30)).until(() -> seen(marker) == 1 && counted(marker) == 1);
        assertThat(seen(thingId)).isEqualTo(1);
        assertThat(counted(thingId)).isEqualTo(1);
    }

    @Test
    void remembersAnAppliedEventUnderEachListenersStableId() {
        var thingId = UUID.randomUUID();
        var eventId = UUID.randomUUID().toString();

        send(thingId.toString(), cloudEvent(eventId, thingId, "named"));

        await().atMost(Duration.ofSeconds(30)).until(() -> listenersThatProcessed(eventId).size() == 2);
        assertThat(listenersThatProcessed(eventId)).containsExactly("messaging-test.things.counted", "messaging-test.things.seen");
    }

    @Test
    void deadLettersAnEventMissingARequiredFieldWithoutRetrying() {
        var key = UUID.randomUUID().toString();
        send(key, cloudEvent(UUID.randomUUID().toString(), UUID.randomUUID(), "x").replaceAll("\"thingId\":\"[^\"]*\",", ""));

        var dead = awaitOnTopic(DeadLetters.topicFor(TOPIC, "messaging-test"), key);
        assertThat(new String(dead.headers().lastHeader(KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN).value(), StandardCharsets.UTF_8))
                .isEqualTo(InvalidEventException.class.getName());
    }

    @Test
    void forgetsProcessedEventIdsAfterTheRetention() {
        var old = UUID.randomUUID().toString();
        var recent = UUID.randomUUID().toString();
        var processedEvents = new ProcessedEvents(jdbc, clock);
        processedEvents.markProcessed(old, "messaging-test.pruning");
        clock.advance(Duration.ofDays(14));
        processedEvents.markProcessed(recent, "messaging-test.pruning");
        clock.advance(Duration.ofMinutes(1));

        pruning.prune();

        assertThat(listenersThatProcessed(old)).isEmpty();
        assertThat(listenersThatProcessed(recent)).containsExactly("messaging-test.pruning");
        assertThat(processedEvents.markProcessed(recent, "messaging-test.pruning")).as("still recognised as processed").isFalse();
    }

    @Test
    void deadLettersAMalformedRecordAndCarriesOn() {
        var badKey = UUID.randomUUID().toString();
        send(badKey, "{this is not json");
        var after = UUID.randomUUID();
        send(after.toString(), cloudEvent(UUID.randomUUID().toString(), after, "after malformed"));

        await().atMost(Duration.ofSeconds(30)).until(() -> seen(after) == 1);
        awaitOnTopic(DeadLetters.topicFor(TOPIC, "messaging-test"), badKey);
    }

    @Test
    void deadLettersAnEventItsHandlerKeepsFailingOnAfterRetrying() {
        var failing = UUID.randomUUID();
        send(failing.toString(), cloudEvent(UUID.randomUUID().toString(), failing, "explode"));

        var dead = awaitOnTopic(DeadLetters.topicFor(TOPIC, "messaging-test"), failing.toString());
        assertThat(dead.value()).contains("explode");
        assertThat(seen(failing)).isZero();
    }

    /** Fault scenario F7 found this: a database away for 30 s dead-lettered events that would have succeeded. */
    @Test
    void retriesAnEventUntilTheDatabaseIsBackInsteadOfDeadLetteringIt() {
        var thing = UUID.randomUUID();
        send(thing.toString(), cloudEvent(UUID.randomUUID().toString(), thing, "database-away"));

        await().atMost(Duration.ofSeconds(30)).until(() -> seen(thing) == 1);
        assertThat(DATABASE_AWAY_FAILURES.get(thing)).isEqualTo(DATABASE_AWAY_TIMES + 1);
    }

    @Test
    void ignoresEventTypesNobodyHandles() {
        var unknown = UUID.randomUUID();
        send(unknown.toString(), cloudEvent(UUID.randomUUID().toString(), unknown, "x").replace("kitty.thing.happened.v1", "kitty.thing.vanished.v1"));
        var marker = UUID.randomUUID();
        send(marker.toString(), cloudEvent(UUID.randomUUID().toString(), marker, "marker"));

        await().atMost(Duration.ofSeconds(30)).until(() -> seen(marker) == 1);
        assertThat(seen(unknown)).isZero();
    }

    /** How often the first listener applied events of the thing. */
    private long seen(UUID thingId) {
        return jdbc.sql("SELECT count(*) FROM thing_seen WHERE thing_id = ? AND label <> 'counted'").param(thingId).query(Long.class).single();
    }

    private long counted(UUID thingId) {
        return jdbc.sql("SELECT count(*) FROM thing_seen WHERE thing_id = ? AND label = 'counted'").param(thingId).query(Long.class).single();
    }

    private List<String> listenersThatProcessed(String eventId) {
        return jdbc.sql("SELECT handler FROM processed_event WHERE event_id = ? ORDER BY handler").param(eventId).query(String.class).list();
    }

    private void send(String key, String json) {
        kafka.send(new ProducerRecord<>(TOPIC, key, json.getBytes(StandardCharsets.UTF_8))).join();
    }

    private ConsumerRecord<String, String> awaitOnTopic(String topic, String key) {
        var records = TopicRecords.await(broker.bootstrapServers(), topic, r -> key.equals(r.key()), Duration.ofSeconds(30));
        return records.stream().filter(r -> key.equals(r.key())).findFirst().orElseThrow();
    }

    private static String cloudEvent(String id, UUID thingId, String label) {
        return """
                {"specversion":"1.0","id":"%s","source":"/kitty/test","type":"kitty.thing.happened.v1","subject":"%s",
                 "time":"2026-11-23T10:00:00Z","datacontenttype":"application/json","unknownExtension":true,
                 "data":{"thingId":"%s","label":"%s","fieldFromTheFuture":42}}
                """.formatted(id, thingId, thingId, label);
    }
}
