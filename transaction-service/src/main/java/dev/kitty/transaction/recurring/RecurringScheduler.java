package dev.kitty.transaction.recurring;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Looks for due occurrences every {@code kitty.transaction.scheduler.poll-interval} (default one minute), on every
 * instance: {@link RecurringPostings} shares the work out through row locks. Off with
 * {@code kitty.transaction.scheduler.enabled=false} (the tests, which post by calling {@link RecurringPostings} with their clock).
 */
@Component
@ConditionalOnProperty(name = "kitty.transaction.scheduler.enabled", havingValue = "true", matchIfMissing = true)
class RecurringScheduler {

    private final RecurringPostings postings;

    RecurringScheduler(RecurringPostings postings) {
        this.postings = postings;
    }

    @Scheduled(fixedDelayString = "${kitty.transaction.scheduler.poll-interval:1m}", initialDelayString = "${kitty.transaction.scheduler.poll-interval:1m}")
    void postDueOccurrences() {
        postings.postDueOccurrences();
    }
}
