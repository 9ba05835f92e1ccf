package dev.kitty.platform.messaging;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param partitions        partitions of the topics this service publishes and of its dead-letter topics
 * @param retryAttempts     how often a failing event is retried before it goes to the dead-letter topic
 * @param retryBackoff      the first pause between retries; it doubles each time
 * @param resubmitInterval  how often the outbox re-sends publications Kafka has not acknowledged
 * @param resubmitOlderThan a publication younger than this is left alone: its first attempt may still be under way
 */
@ConfigurationProperties("kitty.messaging")
public record MessagingProperties(
        @DefaultValue("3") int partitions,
        @DefaultValue("4") int retryAttempts,
        @DefaultValue("500ms") Duration retryBackoff,
        @DefaultValue("30s") Duration resubmitInterval,
        @DefaultValue("30s") Duration resubmitOlderThan) {
}
