package dev.kitty.auth.signing;

import dev.kitty.auth.config.AuthProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves signing keys through their life cycle ({@link SigningKey}) without invalidating a
 * single token (OWASP ASVS 5.0 V11.1: keys have a lifecycle, as NIST SP 800-57 describes).
 *
 * <p>Scheduled: {@link #PUBLICATION_LEAD} before the active key's
 * {@code kitty.auth.keys.rotation-interval} is up, the next key is created and published
 * (pending); when the interval is up it starts signing. By then every verifier's cached JWKS
 * knows it, so no request meets an unknown {@code kid}. On demand ({@link #rotateNow()}, an
 * operator suspecting trouble): the switch is immediate; verifiers learn the new key on their
 * first miss, since they re-fetch the JWKS for an unknown {@code kid}.
 *
 * <p>Either way the old key stays in the JWKS until every token it signed has expired (access
 * token lifetime plus the verifiers' clock skew), then it is retired and its private part erased.
 * Each step runs with the active key's row locked, so instances rotating at once take turns.
 */
@Component
class KeyRotation {

    private static final Logger log = LoggerFactory.getLogger(KeyRotation.class);

    /** A new key is published this long before it signs: other instances' re-read plus the JWKS cache time. */
    static final Duration PUBLICATION_LEAD = JwksController.MAX_AGE.plus(SigningKeys.RELOAD_AFTER);
    /** The clock skew verifiers allow on {@code exp} (Spring Security's default, used by the platform's JwtPolicy). */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

    private final SigningKeyRepository repository;
    private final SigningKeys keys;
    private final TransactionTemplate transaction;
    private final Duration rotationInterval;
    private final Duration retireAfter;
    private final Clock clock;

    KeyRotation(SigningKeyRepository repository, SigningKeys keys, PlatformTransactionManager transactionManager,
            SigningKeyProperties properties, AuthProperties authProperties, Clock clock) {
        this.repository = repository;
        this.keys = keys;
        this.transaction = new TransactionTemplate(transactionManager);
        this.rotationInterval = properties.rotationInterval();
        this.retireAfter = authProperties.accessTokenTtl().plus(CLOCK_SKEW);
        this.clock = clock;
    }

    /** Switches to a new key right now (the pending one if there is one) and returns its {@code kid}. */
    String rotateNow() {
        var kid = transaction.execute(status -> {
            var now = clock.instant();
            var active = repository.lockActive().orElseThrow(() -> new IllegalStateException("No active signing key"));
            var next = pending().orElseGet(() -> repository.saveAndFlush(keys.generate(false, now)));
            switchTo(active, next, now);
            return next.kid();
        });
        keys.refresh();
        log.info("Rotated signing keys on demand: now signing with {}", kid);
        return kid;
    }

    /** Pre-publishes, activates and retires keys as their time comes. Safe to run on every instance. */
    @Scheduled(fixedDelayString = "${kitty.auth.keys.rotation-check-interval:1m}",
            initialDelayString = "${kitty.auth.keys.rotation-check-interval:1m}")
    void maintain() {
        var changed = transaction.execute(status -> {
            var now = clock.instant();
            var active = repository.lockActive();
            if (active.isEmpty()) {
                return false; // start-up creates the first key
            }
            var rotationDue = active.get().activatedAt() == null ? now : active.get().activatedAt().plus(rotationInterval);
            var next = pending();
            var changes = false;
            if (next.isEmpty() && !now.isBefore(rotationDue.minus(PUBLICATION_LEAD))) {
                var created = repository.saveAndFlush(keys.generate(false, now));
                log.info("Published signing key {}; it signs from {}", created.kid(), rotationDue);
                changes = true;
            } else if (next.isPresent() && !now.isBefore(rotationDue) && !now.isBefore(next.get().createdAt().plus(PUBLICATION_LEAD))) {
                switchTo(active.get(), next.get(), now);
                log.info("Rotated signing keys on schedule: now signing with {}", next.get().kid());
                changes = true;
            }
            for (var key : repository.findByRetiredAtIsNullOrderByCreatedAtDesc()) {
                if (key.retirableAt(now, retireAfter)) {
                    key.retire(now);
                    log.info("Retired signing key {}: every token it signed has expired", key.kid());
                    changes = true;
                }
            }
            return changes;
        });
        if (Boolean.TRUE.equals(changed)) {
            keys.refresh();
        }
    }

    private Optional<SigningKey> pending() {
        return repository.findByRetiredAtIsNullOrderByCreatedAtDesc().stream().filter(SigningKey::pending).findFirst();
    }

    /** Old key off first: the unique index allows one active key at any moment, flushes included. */
    private void switchTo(SigningKey active, SigningKey next, Instant now) {
        active.deactivate(now);
        repository.saveAndFlush(active);
        next.activate(now);
        repository.saveAndFlush(next);
    }
}
