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
 * @param processedEventRetention how long the id of an applied event is remembered to recognise its redelivery; longer
 *                                than the topics' retention (Kafka's default: 7 days) and than the time within which a
 *                                dead-letter topic is replayed, since an event redelivered after it is applied again
 * @param processedEventPruningInterval how often ids older than the retention are forgotten
 * @param transientRetryMaxBackoff the longest pause between retries of an event that failed because the database (or
 *                                 another resource) was unreachable: such an event is retried until it succeeds, never
 *                                 dead-lettered, and holds its partition meanwhile
 */
@ConfigurationProperties("kitty.messaging")
public record MessagingProperties(
        @DefaultValue("3") int partitions,
        @DefaultValue("4") int retryAttempts,
        @DefaultValue("500ms") Duration retryBackoff,
        @DefaultValue("30s") Duration resubmitInterval,
        @DefaultValue("30s") Duration resubmitOlderThan,
        @DefaultValue("14d") Duration processedEventRetention,
        @DefaultValue("1h") Duration processedEventPruningInterval,
        @DefaultValue("10s") Duration transientRetryMaxBackoff) {

    public MessagingProperties {
        if (processedEventRetention.isNegative() || processedEventRetention.isZero()) {
            throw new IllegalArgumentException("kitty.messaging.processed-event-retention must be positive");
        }
    }
}
