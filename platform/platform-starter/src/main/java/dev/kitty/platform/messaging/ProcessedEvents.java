package dev.kitty.platform.messaging;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The ids of events each listener has already applied: the consumer side of exactly-once effects. */
class ProcessedEvents {

    private static final int PRUNE_BATCH = 10_000;

    private final JdbcClient jdbc;
    private final Clock clock;

    ProcessedEvents(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records the event for the listener; false when it was recorded before, i.e. a redelivery. */
    boolean markProcessed(String eventId, String listenerId) {
        return jdbc.sql("""
                INSERT INTO processed_event (event_id, handler, processed_at) VALUES (?, ?, ?)
                ON CONFLICT (event_id, handler) DO NOTHING
                """).params(eventId, listenerId, clock.instant().atOffset(ZoneOffset.UTC)).update() == 1;
    }

    /** Forgets events processed before {@code cutoff}, in batches so that no transaction grows large; returns how many. */
    int forgetProcessedBefore(Instant cutoff) {
        var forgotten = 0;
        int batch;
        do {
            batch = jdbc.sql("""
                    DELETE FROM processed_event WHERE (event_id, handler) IN
                        (SELECT event_id, handler FROM processed_event WHERE processed_at < ? LIMIT ?)
                    """).params(cutoff.atOffset(ZoneOffset.UTC), PRUNE_BATCH).update();
            forgotten += batch;
        } while (batch == PRUNE_BATCH);
        return forgotten;
    }
}
