package dev.kitty.platform.messaging;

import org.springframework.jdbc.core.simple.JdbcClient;

/** The ids of events each handler has already applied: the consumer side of exactly-once effects. */
class ProcessedEvents {

    private final JdbcClient jdbc;

    ProcessedEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the event for the handler; false when it was recorded before, i.e. a redelivery. */
    boolean markProcessed(String eventId, String handler) {
        return jdbc.sql("""
                INSERT INTO processed_event (event_id, handler, processed_at) VALUES (?, ?, now())
                ON CONFLICT (event_id, handler) DO NOTHING
                """).params(eventId, handler).update() == 1;
    }
}
