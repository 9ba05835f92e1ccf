package dev.kitty.platform.messaging;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Re-sends outbox entries that Kafka has not acknowledged (broker down, timeout, crash
 * after commit). Entries are never given up on: an event whose transaction committed is
 * eventually published. Consumers deduplicate, so an occasional second send is harmless.
 */
class OutboxResubmission {

    private static final Logger log = LoggerFactory.getLogger(OutboxResubmission.class);

    private final IncompleteEventPublications incomplete;
    private final MessagingProperties properties;

    OutboxResubmission(IncompleteEventPublications incomplete, MessagingProperties properties) {
        this.incomplete = incomplete;
        this.properties = properties;
    }

    @Scheduled(fixedDelayString = "${kitty.messaging.resubmit-interval:30s}", initialDelayString = "${kitty.messaging.resubmit-interval:30s}")
    void resubmit() {
        try {
            incomplete.resubmitIncompletePublicationsOlderThan(properties.resubmitOlderThan());
        } catch (RuntimeException e) {
            log.warn("Could not resubmit outstanding event publications; will try again", e);
        }
    }
}
