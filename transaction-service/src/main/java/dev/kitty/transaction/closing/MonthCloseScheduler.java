package dev.kitty.transaction.closing;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Looks for due months every {@code kitty.transaction.scheduler.poll-interval} (default one minute), so a month closes
 * within about that long after it ends; {@code kitty.transaction.scheduler.enabled=false} turns it off (the tests call
 * {@link MonthClose#closeDueMonths()} themselves). Every instance runs it: the database decides who closes what (ADR 17).
 */
@Component
@ConditionalOnProperty(name = "kitty.transaction.scheduler.enabled", havingValue = "true", matchIfMissing = true)
class MonthCloseScheduler {

    private static final Logger log = LoggerFactory.getLogger(MonthCloseScheduler.class);

    private final MonthClose monthClose;
    /** Fixed rate, one poll at a time: see {@code recurring.RecurringScheduler} for why not fixed delay. */
    private final java.util.concurrent.atomic.AtomicBoolean running = new java.util.concurrent.atomic.AtomicBoolean();

    MonthCloseScheduler(MonthClose monthClose) {
        this.monthClose = monthClose;
    }

    @Scheduled(fixedRateString = "${kitty.transaction.scheduler.poll-interval:1m}", initialDelayString = "${kitty.transaction.scheduler.initial-delay:10s}")
    void closeDueMonths() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        try {
            var closed = monthClose.closeDueMonths();
            if (!closed.isEmpty()) {
                log.info("Month close: {} months closed", closed.size());
            }
        } finally {
            running.set(false);
        }
    }
}
