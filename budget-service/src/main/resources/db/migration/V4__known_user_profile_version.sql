-- The version of the newest ProfileUpdated applied (ADR 9): an older one arriving late (an
-- outbox resubmission, a dead-letter replay) must not bring back an old address or name.
-- 0 for what UserRegistered wrote and for rows from before versioning: older than any update.
ALTER TABLE known_user ADD COLUMN profile_version BIGINT NOT NULL DEFAULT 0;
