package dev.kitty.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

import dev.kitty.events.EventCatalog;
import dev.kitty.events.EventType;
import dev.kitty.infra.EmbeddedKafkaBroker;
import dev.kitty.platform.test.EmbeddedInfrastructure;
import dev.kitty.platform.test.TopicRecords;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** The outbox and the consumer side of the platform, on a real PostgreSQL and a real Kafka broker. */
@SpringBootTest(classes = MessagingIT.ThingService.class, properties = {
        "spring.application.name=messaging-test",
        "kitty.messaging.retry-backoff=50ms",
        "kitty.messaging.retry-attempts=2"})
@EmbeddedInfrastructure
class MessagingIT {

    record ThingHappened(UUID thingId, String label) {}

    static final String TOPIC = "thing.events";
    static final EventType<ThingHappened> THING_HAPPENED =
            EventType.of("kitty.thing.happened.v1", TOPIC, ThingHappened.class, e -> e.thingId().toString());

    @SpringBootApplication
    static class ThingService {

        @Bean
        EventCatalog thingEvents() {
            return EventCatalog.of("messaging-test", THING_HAPPENED);
        }

        @Bean
        IntegrationEventHandler<ThingHappened> thingRecorder(JdbcClient jdbc) {
            return new IntegrationEventHandler<>() {
                @Override
                public EventType<ThingHappened> eventType() {
                    return THING_HAPPENED;
                }

                @Override
                public void handle(ThingHappened event, EventMetadata metadata) {
                    if (event.label().equals("explode")) {
                        throw new IllegalStateException("this thing always fails");
                    }
                    jdbc.sql("INSERT INTO thing_seen (thing_id, label) VALUES (?, ?)").params(event.thingId(), event.label()).update();
                }
            };
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

        await().atMost(Duration.ofSeconds(30)).until(() -> seen(marker) == 1);
        assertThat(seen(thingId)).isEqualTo(1);
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

    @Test
    void ignoresEventTypesNobodyHandles() {
        var unknown = UUID.randomUUID();
        send(unknown.toString(), cloudEvent(UUID.randomUUID().toString(), unknown, "x").replace("kitty.thing.happened.v1", "kitty.thing.vanished.v1"));
        var marker = UUID.randomUUID();
        send(marker.toString(), cloudEvent(UUID.randomUUID().toString(), marker, "marker"));

        await().atMost(Duration.ofSeconds(30)).until(() -> seen(marker) == 1);
        assertThat(seen(unknown)).isZero();
    }

    private long seen(UUID thingId) {
        return jdbc.sql("SELECT count(*) FROM thing_seen WHERE thing_id = ?").param(thingId).query(Long.class).single();
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
