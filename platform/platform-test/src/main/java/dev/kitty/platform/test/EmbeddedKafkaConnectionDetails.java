package dev.kitty.platform.test;

import java.util.List;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;

/** The embedded broker, for producers, consumers, admin and streams alike (PLAINTEXT, no SSL). */
record EmbeddedKafkaConnectionDetails(List<String> bootstrapServers) implements KafkaConnectionDetails {

    @Override
    public List<String> getBootstrapServers() {
        return bootstrapServers;
    }
}
