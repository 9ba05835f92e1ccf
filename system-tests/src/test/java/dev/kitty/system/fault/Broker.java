package dev.kitty.system.fault;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** What a scenario does to the broker directly: read a topic, write records, move a consumer group's offsets. */
final class Broker implements AutoCloseable {

    private final String bootstrapServers;

    private final Admin admin;

    Broker(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000));
    }

    /** Every record of the topic that matches, oldest first per partition. */
    List<ConsumerRecord<String, byte[]>> read(String topic, Predicate<ConsumerRecord<String, byte[]>> filter) {
        List<ConsumerRecord<String, byte[]>> matching = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map((info) -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch((partition) -> consumer.position(partition) < ends.get(partition))
                    && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach((record) -> {
                    if (filter.test(record)) {
                        matching.add(record);
                    }
                });
            }
        }
        return matching;
    }

    void send(String topic, int partition, String key, byte[] value) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, partition, key, value)).get(30, TimeUnit.SECONDS);
        }
    }

    void send(List<ProducerRecord<String, byte[]>> records) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1), new StringSerializer(), new ByteArraySerializer())) {
            for (ProducerRecord<String, byte[]> record : records) {
                producer.send(record).get(30, TimeUnit.SECONDS);
            }
        }
    }

    int partitions(String topic) throws Exception {
        return this.admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic)
            .partitions().size();
    }

    /** The records a topic holds in all: 0 when it does not exist. */
    long size(String topic) throws Exception {
        if (!this.admin.listTopics().names().get(30, TimeUnit.SECONDS).contains(topic)) {
            return 0;
        }
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
        for (int partition = 0; partition < partitions(topic); partition++) {
            latest.put(new TopicPartition(topic, partition), OffsetSpec.latest());
            earliest.put(new TopicPartition(topic, partition), OffsetSpec.earliest());
        }
        long end = this.admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS).values().stream()
            .mapToLong((info) -> info.offset()).sum();
        long start = this.admin.listOffsets(earliest).all().get(30, TimeUnit.SECONDS).values().stream()
            .mapToLong((info) -> info.offset()).sum();
        return end - start;
    }

    /** The group's committed offsets. */
    Map<TopicPartition, OffsetAndMetadata> committed(String group) throws Exception {
        return this.admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
    }

    /** Records the group has yet to consume, over all its partitions. */
    long lag(String group) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = committed(group);
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        committed.keySet().forEach((partition) -> latest.put(partition, OffsetSpec.latest()));
        var ends = this.admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS);
        return committed.entrySet().stream()
            .mapToLong((entry) -> ends.get(entry.getKey()).offset() - entry.getValue().offset()).sum();
    }

    /**
     * Waits until the group has no members: a consumer killed without leaving stays a member until its session times
     * out (45 s by default), and the broker moves only an empty group's offsets.
     */
    void awaitEmpty(String group, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            var description = this.admin.describeConsumerGroups(List.of(group)).all().get(30, TimeUnit.SECONDS).get(group);
            if (description.members().isEmpty()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("group " + group + " still has members: " + description.members());
            }
            Thread.sleep(500);
        }
    }

    /** Moves an inactive group's offsets (its service must be stopped: the broker refuses it for a live group). */
    void moveGroup(String group, Map<TopicPartition, Long> offsets) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> moved = new HashMap<>();
        offsets.forEach((partition, offset) -> moved.put(partition, new OffsetAndMetadata(offset)));
        this.admin.alterConsumerGroupOffsets(group, moved).all().get(30, TimeUnit.SECONDS);
    }

    private KafkaConsumer<String, byte[]> consumer() {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer());
    }

    @Override
    public void close() {
        this.admin.close(Duration.ofSeconds(5));
    }

}
