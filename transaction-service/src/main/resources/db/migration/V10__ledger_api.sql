-- Idempotency keys of POST /transactions (ADR 14): scoped per budget and caller, the canonical hash of the
-- parsed request, and the first answer, replayed for a retry with the same key and body. Pruned after 24 h,
-- dropped with the budget and with the caller's account.
CREATE TABLE idempotency_record
(
    budget_id     UUID                     NOT NULL,
    user_id       UUID                     NOT NULL,
    key           TEXT                     NOT NULL CHECK (length(key) BETWEEN 1 AND 200),
    request_hash  TEXT                     NOT NULL,
    -- null while the first request is still running (its row lock holds back a concurrent retry)
    response_body TEXT,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (budget_id, user_id, key)
);
CREATE INDEX idempotency_record_by_user_idx ON idempotency_record (user_id);
CREATE INDEX idempotency_record_by_age_idx ON idempotency_record (created_at);

-- The locale of users, from user-events' NotificationSettingsChanged (versioned, ADR 9): the language of a new
-- budget's default categories is its owner's.
CREATE TABLE user_locale
(
    user_id UUID   NOT NULL PRIMARY KEY,
    locale  TEXT   NOT NULL,
    version BIGINT NOT NULL
);
