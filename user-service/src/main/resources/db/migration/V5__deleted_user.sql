-- Tombstones of deleted users (issue 8, ADR 12): a late or replayed UserRegistered or EmailVerified must never
-- bring a deleted user's profile back. Kept for good: a row is 24 bytes, and a user id is never reused.
CREATE TABLE deleted_user
(
    user_id    UUID                     NOT NULL PRIMARY KEY,
    deleted_at TIMESTAMP WITH TIME ZONE NOT NULL
);
-- Admins list profiles oldest first and find them by address regardless of case.
CREATE INDEX profile_by_created_at_idx ON profile (created_at, id);
CREATE INDEX profile_by_lower_email_idx ON profile (lower(email));
