package dev.kitty.platform.messaging;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Keeps {@code processed_event} from growing forever: an event id is needed only as long as
 * the event can be delivered again, so ids older than
 * {@code kitty.messaging.processed-event-retention} are forgotten. The retention must exceed
 * the topics' retention (Kafka's default: 7 days) and the time within which an operator
 * replays a dead-letter topic; a redelivery after that would be applied again.
 */
class ProcessedEventPruning {

    private static final Logger log = LoggerFactory.getLogger(ProcessedEventPruning.class);

    private final ProcessedEvents processedEvents;
    private final MessagingProperties properties;
    private final Clock clock;

    ProcessedEventPruning(ProcessedEvents processedEvents, MessagingProperties properties, Clock clock) {
        this.processedEvents = processedEvents;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${kitty.messaging.processed-event-pruning-interval:1h}",
            initialDelayString = "${kitty.messaging.processed-event-pruning-interval:1h}")
    void prune() {
        try {
            var cutoff = clock.instant().minus(properties.processedEventRetention());
            var forgotten = processedEvents.forgetProcessedBefore(cutoff);
            if (forgotten > 0) {
                log.info("Forgot {} processed event ids older than {}", forgotten, cutoff);
            }
        } catch (RuntimeException e) {
            log.warn("Could not prune processed event ids; will try again", e);
        }
    }
}
