-- The accounts budget-service needs for invitations and member lists: a replica fed by
-- identity and user events, never written by this service's API.
CREATE TABLE known_user
(
    user_id        UUID                     NOT NULL PRIMARY KEY,
    email          TEXT                     NOT NULL,
    display_name   TEXT,
    -- The address the user last proved they read. Kept apart from email so that the
    -- verified flag is right whichever of EmailVerified and ProfileUpdated arrives first:
    -- they travel on different topics and are not ordered relative to each other.
    verified_email TEXT,
    email_verified BOOLEAN GENERATED ALWAYS AS (verified_email IS NOT NULL AND lower(verified_email) = lower(email)) STORED,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
-- Invitations go to an address: find the account behind it. Not unique, because during an
-- address change two replicated accounts may briefly share one.
CREATE INDEX known_user_by_email_idx ON known_user (lower(email));

-- Users deleted for good. Events about them that arrive late (another topic, a replay from
-- a dead-letter topic) must not bring their personal data back. Only the id is kept.
CREATE TABLE deleted_user
(
    user_id    UUID                     NOT NULL PRIMARY KEY,
    deleted_at TIMESTAMP WITH TIME ZONE NOT NULL
);
