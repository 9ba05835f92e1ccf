package dev.kitty.transaction.closing;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Looks for due months every {@code kitty.transaction.scheduler.poll-interval} (default one minute), so a month closes
 * within about that long after it ends; {@code kitty.transaction.scheduler.enabled=false} turns it off (the tests call
 * {@link MonthClose#closeDueMonths()} themselves). Every instance runs it: the database decides who closes what (ADR 17).
 *
 * <p>Paced at {@code kitty.transaction.scheduler.close-rate} months a second per instance (0: as fast as it goes), with
 * Resilience4j's rate limiter: at full speed the close of 10,000 budgets took the reads' p99 from 16 to 33 ms on two
 * cores; the members reading their budgets matter more than the close finishing a minute earlier.
 */
@Component
@ConditionalOnProperty(name = "kitty.transaction.scheduler.enabled", havingValue = "true", matchIfMissing = true)
class MonthCloseScheduler {

    private static final Logger log = LoggerFactory.getLogger(MonthCloseScheduler.class);

    private final MonthClose monthClose;
    /** Fixed rate, one poll at a time: see {@code recurring.RecurringScheduler} for why not fixed delay. */
    private final AtomicBoolean running = new AtomicBoolean();

    private final Runnable pace;

    MonthCloseScheduler(MonthClose monthClose, @Value("${kitty.transaction.scheduler.close-rate:40}") int monthsPerSecond) {
        this.monthClose = monthClose;
        if (monthsPerSecond <= 0) {
            this.pace = () -> {};
        } else {
            var limiter = RateLimiter.of("month-close", RateLimiterConfig.custom()
                    .limitForPeriod(1)
                    .limitRefreshPeriod(Duration.ofNanos(1_000_000_000L / monthsPerSecond))
                    .timeoutDuration(Duration.ofMinutes(1))
                    .build());
            this.pace = () -> RateLimiter.waitForPermission(limiter);
        }
    }

    @Scheduled(fixedRateString = "${kitty.transaction.scheduler.poll-interval:1m}", initialDelayString = "${kitty.transaction.scheduler.initial-delay:10s}")
    void closeDueMonths() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        try {
            var closed = monthClose.closeDueMonths(null, pace);
            if (!closed.isEmpty()) {
                log.info("Month close: {} months closed", closed.size());
            }
        } finally {
            running.set(false);
        }
    }
}
