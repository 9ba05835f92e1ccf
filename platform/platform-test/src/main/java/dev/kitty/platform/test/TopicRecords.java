package dev.kitty.platform.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads what is really on a Kafka topic, for assertions on published events.
 *
 * <pre>{@code
 * var records = TopicRecords.await(kafka.bootstrapServers(), "budget.events",
 *         r -> r.key().equals(budgetId.toString()) && r.value().contains("kitty.budget.deleted.v1"),
 *         Duration.ofSeconds(10));
 * }</pre>
 */
public final class TopicRecords {

    private TopicRecords() {
    }

    /**
     * Reads {@code topic} from the earliest offset of every partition until a record satisfies
     * {@code until}. The reader joins no consumer group: it commits nothing, triggers no
     * rebalance of the application's consumers, and never creates the topic.
     *
     * @return every record read, in poll order (ordered within a partition), ending with the
     *         first that satisfied {@code until}
     * @throws AssertionError when no record satisfied {@code until} within {@code timeout}; the
     *         message lists what was read
     */
    public static List<ConsumerRecord<String, String>> await(String bootstrapServers, String topic,
            Predicate<ConsumerRecord<String, String>> until, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<ConsumerRecord<String, String>> read = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(config(bootstrapServers), new StringDeserializer(), new StringDeserializer())) {
            boolean assigned = false;
            while (System.nanoTime() < deadline) {
                if (!assigned) {
                    assigned = assign(consumer, topic);
                    if (!assigned) {
                        sleep();
                        continue;
                    }
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                    read.add(record);
                    if (until.test(record)) {
                        return List.copyOf(read);
                    }
                }
            }
            throw new AssertionError(assigned
                    ? "No record on '" + topic + "' matched within " + timeout + "; read " + read.size() + ":" + describe(read)
                    : "Topic '" + topic + "' did not appear within " + timeout);
        }
    }

    private static Map<String, Object> config(String bootstrapServers) {
        return Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                // created with broker defaults by a reader, the topic might differ from what the
                // application would have declared
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false,
                // see the application's transactional writes only once committed
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    }

    private static boolean assign(KafkaConsumer<String, String> consumer, String topic) {
        List<PartitionInfo> partitions;
        try {
            partitions = consumer.partitionsFor(topic, Duration.ofSeconds(1));
        } catch (TimeoutException e) {
            return false;
        }
        if (partitions == null || partitions.isEmpty()) {
            return false;
        }
        List<TopicPartition> assignment = partitions.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(assignment);
        consumer.seekToBeginning(assignment);
        return true;
    }

    private static String describe(List<ConsumerRecord<String, String>> records) {
        return records.stream()
                .map(r -> "\n  " + r.partition() + "@" + r.offset() + " " + r.key() + " = " + abbreviate(r.value()))
                .collect(Collectors.joining());
    }

    private static String abbreviate(String value) {
        return value == null || value.length() <= 300 ? String.valueOf(value) : value.substring(0, 300) + "…";
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a topic", e);
        }
    }
}
