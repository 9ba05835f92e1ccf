package dev.kitty.notification.mail;

import dev.kitty.platform.messaging.EventMetadata;
import java.time.Clock;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A token event handled after its token expired (a long outage, a replay from the
 * dead-letter topic) would only send a link that cannot work; the user asks for a new one.
 */
@Component
class StaleTokens {

    private static final Logger log = LoggerFactory.getLogger(StaleTokens.class);

    private final Clock clock;

    StaleTokens(Clock clock) {
        this.clock = clock;
    }

    boolean expired(@Nullable Instant expiresAt, EventMetadata metadata) {
        if (expiresAt != null && !expiresAt.isAfter(clock.instant())) {
            log.info("Not mailing the token of {} event {}: it expired at {}", metadata.type(), metadata.id(), expiresAt);
            return true;
        }
        return false;
    }
}
