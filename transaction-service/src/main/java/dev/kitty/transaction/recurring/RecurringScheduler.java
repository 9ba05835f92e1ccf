package dev.kitty.transaction.recurring;

import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Looks for due occurrences every {@code kitty.transaction.scheduler.poll-interval} (default one minute), on every
 * instance: {@link RecurringPostings} shares the work out through row locks. Off with
 * {@code kitty.transaction.scheduler.enabled=false} (the tests, which post by calling {@link RecurringPostings} with their clock).
 *
 * <p>At a fixed rate, skipping a poll while the last one still runs: with virtual threads Spring's scheduler runs every
 * fixed-delay task on its one scheduler thread, so the month close of 10,000 budgets held the day's rent back until it
 * had finished; fixed-rate tasks each get a thread of their own.
 */
@Component
@ConditionalOnProperty(name = "kitty.transaction.scheduler.enabled", havingValue = "true", matchIfMissing = true)
class RecurringScheduler {

    private final RecurringPostings postings;
    private final AtomicBoolean running = new AtomicBoolean();

    RecurringScheduler(RecurringPostings postings) {
        this.postings = postings;
    }

    @Scheduled(fixedRateString = "${kitty.transaction.scheduler.poll-interval:1m}", initialDelayString = "${kitty.transaction.scheduler.poll-interval:1m}")
    void postDueOccurrences() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        try {
            postings.postDueOccurrences();
        } finally {
            running.set(false);
        }
    }
}
