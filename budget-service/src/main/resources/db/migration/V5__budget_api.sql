-- The budget API (issue 8).

-- The zone in which the budget's months begin and end (IANA id), and the budget's membership
-- version: every membership event of the budget carries the next number (ADR 9, ADR 10). It is
-- not the row's JPA @Version, which moves once per flush whatever changed.
ALTER TABLE budget ADD COLUMN time_zone TEXT NOT NULL DEFAULT 'UTC';
ALTER TABLE budget ADD COLUMN membership_version BIGINT NOT NULL DEFAULT 0 CHECK (membership_version >= 0);
ALTER TABLE budget ALTER COLUMN time_zone DROP DEFAULT;

-- Invitations are accepted by a signed-in user whose verified address is the invited one, not
-- by a token in a mail (ADR 10): nothing to hash.
ALTER TABLE invitation DROP COLUMN token_hash;
-- A deleted account's invitations stay (the invitee may still accept) but no longer name them.
ALTER TABLE invitation ALTER COLUMN invited_by DROP NOT NULL;
-- The throttle counts an inviter's invitations of the last 24 hours.
CREATE INDEX invitation_by_inviter_idx ON invitation (invited_by, created_at);
-- "the budget's invitations"
CREATE INDEX invitation_by_budget_idx ON invitation (budget_id);

-- The part of user-service's notification settings this service needs: the time zone a new
-- budget defaults to. Kept apart from known_user because the settings event may arrive before
-- the account's registration, which is what names the address known_user requires.
CREATE TABLE known_user_settings
(
    user_id          UUID   NOT NULL PRIMARY KEY,
    time_zone        TEXT   NOT NULL,
    settings_version BIGINT NOT NULL
);
