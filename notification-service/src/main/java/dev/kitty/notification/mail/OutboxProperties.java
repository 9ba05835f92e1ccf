package dev.kitty.notification.mail;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the mail outbox sender works (ADR 11).
 *
 * @param interval       pause between two rounds of the sender
 * @param batchSize      most mails one round sends, each in a transaction of its own
 * @param initialBackoff wait after the first failed attempt; doubled after each further one
 * @param maxBackoff     longest wait between two attempts
 * @param maxAttempts    attempts after which a mail is given up (FAILED)
 * @param retention      how long a sent or given-up row (without content) is kept: its unique key keeps a
 *                       redelivered event from mailing again, so keep it at least as long as {@code processed_event}
 */
@ConfigurationProperties("kitty.notification.outbox")
record OutboxProperties(
        @DefaultValue("1s") Duration interval,
        @DefaultValue("50") int batchSize,
        @DefaultValue("2s") Duration initialBackoff,
        @DefaultValue("5m") Duration maxBackoff,
        @DefaultValue("12") int maxAttempts,
        @DefaultValue("14d") Duration retention) {

    OutboxProperties {
        if (interval.isNegative() || interval.isZero() || initialBackoff.isNegative() || initialBackoff.isZero()) {
            throw new IllegalArgumentException("kitty.notification.outbox.interval and initial-backoff must be positive");
        }
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("kitty.notification.outbox.max-backoff must be at least initial-backoff");
        }
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("kitty.notification.outbox.retention must be positive");
        }
        if (batchSize < 1 || maxAttempts < 1) {
            throw new IllegalArgumentException("kitty.notification.outbox.batch-size and max-attempts must be at least 1");
        }
    }

    /** The wait after the {@code attempts}-th failed attempt: initial × 2^(attempts − 1), capped. */
    Duration backoffAfter(int attempts) {
        var doublings = Math.min(Math.max(attempts - 1, 0), 30);
        var backoff = initialBackoff.multipliedBy(1L << doublings);
        return backoff.compareTo(maxBackoff) > 0 ? maxBackoff : backoff;
    }
}
