package dev.kitty.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.mock;

import dev.kitty.platform.messaging.ThingEvents.ThingHappened;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.ReflectionUtils;
import tools.jackson.databind.json.JsonMapper;

class InboundEventDispatcherTests {

    static class Recorder {

        final List<ThingHappened> applied = new ArrayList<>();

        void on(ThingHappened event) {
            applied.add(event);
        }
    }

    private final Recorder recorder = new Recorder();
    private final ProcessedEvents processedEvents = mock();
    private final InboundEventDispatcher dispatcher = new InboundEventDispatcher(
            List.of(new ListenerMethod("test.things.recorded", ThingEvents.THING_HAPPENED, recorder,
                    ReflectionUtils.findMethod(Recorder.class, "on", ThingHappened.class), false)),
            JsonMapper.builder().build(), processedEvents, new TransactionTemplate(mock(PlatformTransactionManager.class)));

    @Test
    void appliesAnEventOnceItIsRecordedAsProcessedUnderTheListenersId() {
        var thing = UUID.randomUUID();
        given(processedEvents.markProcessed("event-1", "test.things.recorded")).willReturn(true);

        dispatcher.onRecord(record("event-1", ThingEvents.THING_HAPPENED.name(), "{\"thingId\":\"" + thing + "\",\"label\":\"x\"}"));

        assertThat(recorder.applied).containsExactly(new ThingHappened(thing, "x"));
    }

    @Test
    void skipsAnEventTheListenerProcessedBefore() {
        given(processedEvents.markProcessed("event-1", "test.things.recorded")).willReturn(false);

        dispatcher.onRecord(record("event-1", ThingEvents.THING_HAPPENED.name(), "{\"thingId\":\"" + UUID.randomUUID() + "\"}"));

        assertThat(recorder.applied).isEmpty();
    }

    @Test
    void refusesAPayloadTheContractRecordRefusesAsInvalidSoItSkipsTheRetries() {
        assertThatExceptionOfType(InvalidEventException.class)
                .isThrownBy(() -> dispatcher.onRecord(record("event-2", ThingEvents.THING_HAPPENED.name(), "{\"label\":\"no id\"}")))
                .withMessageContaining("event-2")
                .withMessageContaining("thingId");

        then(processedEvents).shouldHaveNoInteractions();
        assertThat(recorder.applied).isEmpty();
    }

    @Test
    void refusesARecordThatIsNoEnvelopeAsInvalid() {
        var record = new ConsumerRecord<>(ThingEvents.TOPIC, 0, 7L, "key", "{not json".getBytes(StandardCharsets.UTF_8));

        assertThatExceptionOfType(InvalidEventException.class).isThrownBy(() -> dispatcher.onRecord(record));
    }

    @Test
    void ignoresTypesNoListenerTakes() {
        dispatcher.onRecord(record("event-3", "kitty.thing.vanished.v1", "{}"));

        then(processedEvents).should(org.mockito.Mockito.never()).markProcessed(anyString(), anyString());
    }

    @Test
    void subscribesToTheTopicsOfItsListeners() {
        assertThat(dispatcher.topics()).containsExactly(ThingEvents.TOPIC);
    }

    private static ConsumerRecord<String, byte[]> record(String id, String type, String data) {
        var json = """
                {"specversion":"1.0","id":"%s","source":"/kitty/test","type":"%s","subject":"s","time":"2026-11-23T10:00:00Z",
                 "datacontenttype":"application/json","data":%s}
                """.formatted(id, type, data);
        return new ConsumerRecord<>(ThingEvents.TOPIC, 0, 0L, "s", json.getBytes(StandardCharsets.UTF_8));
    }
}
