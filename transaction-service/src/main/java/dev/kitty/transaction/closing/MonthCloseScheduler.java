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

    MonthCloseScheduler(MonthClose monthClose) {
        this.monthClose = monthClose;
    }

    @Scheduled(fixedDelayString = "${kitty.transaction.scheduler.poll-interval:1m}", initialDelayString = "${kitty.transaction.scheduler.initial-delay:10s}")
    void closeDueMonths() {
        var closed = monthClose.closeDueMonths();
        if (!closed.isEmpty()) {
            log.info("Month close: {} months closed", closed.size());
        }
    }
}
