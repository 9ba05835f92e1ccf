-- Versioned replica (ADR 9): settings change only for a NotificationSettingsChanged newer than
-- the version held (0 for rows from before: older than any versioned event), and a deleted
-- user is remembered by id, so that a late event cannot bring their settings back.
ALTER TABLE notification_settings ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
ALTER TABLE notification_settings ALTER COLUMN version DROP DEFAULT;

CREATE TABLE deleted_user
(
    user_id    UUID                     NOT NULL PRIMARY KEY,
    deleted_at TIMESTAMP WITH TIME ZONE NOT NULL
);
