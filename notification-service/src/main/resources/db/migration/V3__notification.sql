-- In-app notifications, served by GET /api/notifications.
CREATE TABLE notification
(
    id         UUID                     NOT NULL PRIMARY KEY,
    user_id    UUID                     NOT NULL,
    type       TEXT                     NOT NULL,
    title      TEXT                     NOT NULL,
    body       TEXT                     NOT NULL,
    -- the budget it is about, if any: removed with the budget
    budget_id  UUID,
    read       BOOLEAN                  NOT NULL DEFAULT FALSE,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
-- the caller's notifications, newest first
CREATE INDEX notification_by_user_idx ON notification (user_id, created_at DESC);
CREATE INDEX notification_by_budget_idx ON notification (budget_id) WHERE budget_id IS NOT NULL;
