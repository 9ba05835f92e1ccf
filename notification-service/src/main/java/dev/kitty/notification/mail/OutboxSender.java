package dev.kitty.notification.mail;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends what the outbox holds (ADR 11). Each mail is claimed, sent and recorded in a transaction
 * of its own with {@code FOR UPDATE SKIP LOCKED}, so several instances never send the same mail
 * at the same time and a failing mail only delays itself. A failed attempt is retried with
 * exponential back-off until {@code max-attempts}; then the mail is FAILED and counted in
 * {@code kitty.notification.mails.given-up}. Towards SMTP this is at least once: a crash between
 * sending and committing sends the mail again, under the same Message-ID.
 */
@Component
class OutboxSender {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

    private final MailOutbox outbox;
    private final MailDelivery delivery;
    private final DeliveryLog deliveryLog;
    private final OutboxProperties properties;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final Counter sent;
    private final Counter failedAttempts;
    private final Counter givenUp;

    OutboxSender(MailOutbox outbox, MailDelivery delivery, DeliveryLog deliveryLog, OutboxProperties properties, Clock clock,
            PlatformTransactionManager transactionManager, MeterRegistry meters) {
        this.outbox = outbox;
        this.delivery = delivery;
        this.deliveryLog = deliveryLog;
        this.properties = properties;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactionManager);
        this.sent = Counter.builder("kitty.notification.mails.sent").description("Mails the SMTP server accepted").register(meters);
        this.failedAttempts = Counter.builder("kitty.notification.mails.failed-attempts")
                .description("Attempts to send a mail that failed (retried later)").register(meters);
        this.givenUp = Counter.builder("kitty.notification.mails.given-up")
                .description("Mails given up after the last attempt failed (status FAILED)").register(meters);
    }

    @Scheduled(fixedDelayString = "${kitty.notification.outbox.interval:1s}", initialDelayString = "${kitty.notification.outbox.interval:1s}")
    void sendDue() {
        for (int i = 0; i < properties.batchSize(); i++) {
            if (!Boolean.TRUE.equals(transaction.execute(status -> sendNext()))) {
                return;
            }
        }
    }

    @Scheduled(fixedDelayString = "${kitty.notification.outbox.pruning-interval:1h}", initialDelayString = "1m")
    void prune() {
        var pruned = outbox.prune(clock.instant().minus(properties.retention()));
        if (pruned > 0) {
            log.info("Pruned {} finished outbox rows older than {}", pruned, properties.retention());
        }
    }

    /** Sends the next due mail, if any; false when none is due. */
    boolean sendNext() {
        var claimed = outbox.claimNext(clock.instant());
        if (claimed.isEmpty()) {
            return false;
        }
        var mail = claimed.get();
        try {
            delivery.deliver(mail);
        } catch (RuntimeException e) {
            deliveryLog.failed(mail, e);
            failedAttempts.increment();
            var attempts = mail.attempts() + 1;
            if (attempts >= properties.maxAttempts()) {
                outbox.failed(mail.id(), clock.instant());
                givenUp.increment();
                log.error("Giving up {} mail {} of event {} after {} attempts: {}", mail.template(), mail.id(), mail.eventId(), attempts,
                        e.getMessage());
            } else {
                var next = clock.instant().plus(properties.backoffAfter(attempts));
                outbox.retryAt(mail.id(), next);
                log.warn("Attempt {} to send {} mail {} failed, next at {}: {}", attempts, mail.template(), mail.id(), next, e.getMessage());
            }
            return true;
        }
        deliveryLog.sent(mail);
        outbox.sent(mail.id(), clock.instant());
        sent.increment();
        return true;
    }
}
