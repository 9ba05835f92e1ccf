-- Versioned replica (ADR 9): a membership event is applied only when its version (the budget's
-- membership version, counted by budget-service) is newer than the row's, and a removed
-- membership stays as a tombstone holding the version of its removal, so that a replayed or
-- reordered older event can never bring the membership back.
ALTER TABLE budget_member ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
ALTER TABLE budget_member ADD COLUMN removed_at TIMESTAMP WITH TIME ZONE;
-- a tombstone has no role and no join date; rows from before versioning count as version 0,
-- older than any versioned event
ALTER TABLE budget_member ALTER COLUMN role DROP NOT NULL;
ALTER TABLE budget_member ALTER COLUMN joined_at DROP NOT NULL;
ALTER TABLE budget_member ADD CONSTRAINT budget_member_live_or_tombstone
    CHECK ((removed_at IS NULL AND role IS NOT NULL AND joined_at IS NOT NULL) OR (removed_at IS NOT NULL AND role IS NULL));
ALTER TABLE budget_member ALTER COLUMN version DROP DEFAULT;
