package dev.kitty.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaBrokerIT {

    @Test
    void roundTripsARecordThroughAnAutoCreatedTopic() throws Exception {
        try (var broker = EmbeddedKafkaBroker.startTemporary()) {
            assertThat(broker.bootstrapServers()).startsWith("127.0.0.1:");

            send(broker.bootstrapServers(), "round.trip", "budget-1", "{\"hello\":1}");

            assertThat(readAll(broker.bootstrapServers(), "round.trip", 1))
                    .containsExactly("budget-1={\"hello\":1}");
        }
    }

    @Test
    void topicsAndCommittedOffsetsSurviveARestart(@TempDir Path directory) throws Exception {
        Path logs = directory.resolve("kafka");
        int port = Ports.freePort();
        try (var broker = EmbeddedKafkaBroker.start(logs, port, false)) {
            send(broker.bootstrapServers(), "kept", "k", "before restart");
        }

        try (var broker = EmbeddedKafkaBroker.start(logs, port, false)) {
            send(broker.bootstrapServers(), "kept", "k", "after restart");
            assertThat(readAll(broker.bootstrapServers(), "kept", 2))
                    .containsExactly("k=before restart", "k=after restart");
        }

        try (var broker = EmbeddedKafkaBroker.start(logs, port, true)) {
            send(broker.bootstrapServers(), "kept", "k", "after reset");
            assertThat(readAll(broker.bootstrapServers(), "kept", 1)).containsExactly("k=after reset");
        }
    }

    @Test
    void refusesATakenPort(@TempDir Path directory) throws Exception {
        try (var taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            assertThatExceptionOfType(PortInUseException.class)
                    .isThrownBy(() -> EmbeddedKafkaBroker.start(directory, taken.getLocalPort(), false))
                    .withMessageContaining("Kafka");
        }
    }

    private static void send(String bootstrapServers, String topic, String key, String value) throws Exception {
        try (var producer = new KafkaProducer<String, String>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        }
    }

    private static List<String> readAll(String bootstrapServers, String topic, int expected) {
        try (var consumer = new KafkaConsumer<String, String>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            List<String> records = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (records.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> records.add(r.key() + "=" + r.value()));
            }
            return records;
        }
    }
}
