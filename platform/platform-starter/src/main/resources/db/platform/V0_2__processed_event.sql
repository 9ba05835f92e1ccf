-- Events each handler has applied: recorded in the same transaction as the effect, so a
-- redelivered event is recognised and skipped.
CREATE TABLE processed_event
(
    event_id     TEXT                     NOT NULL,
    handler      TEXT                     NOT NULL,
    processed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (event_id, handler)
);
CREATE INDEX processed_event_by_processed_at_idx ON processed_event (processed_at);
