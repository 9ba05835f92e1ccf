-- The budget aggregate: budgets, who belongs to them with which role, and who is invited.
-- User ids are virtual foreign keys (the accounts live in auth-service and user-service).

CREATE TABLE budget
(
    id          UUID                     NOT NULL PRIMARY KEY,
    name        TEXT                     NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 100),
    currency    TEXT                     NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    description TEXT CHECK (length(description) <= 1000),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    -- optimistic locking, and the ETag of the budget
    version     BIGINT                   NOT NULL DEFAULT 0
);

CREATE TABLE membership
(
    id        UUID                     NOT NULL PRIMARY KEY,
    budget_id UUID                     NOT NULL REFERENCES budget (id) ON DELETE CASCADE,
    user_id   UUID                     NOT NULL,
    role      TEXT                     NOT NULL CHECK (role IN ('OWNER', 'ADMIN', 'MEMBER', 'VIEWER')),
    joined_at TIMESTAMP WITH TIME ZONE NOT NULL,
    version   BIGINT                   NOT NULL DEFAULT 0,
    CONSTRAINT membership_once_per_budget UNIQUE (budget_id, user_id)
);
-- At most one owner per budget, whatever races the application loses; "at least one" is
-- the aggregate's job. A unique index is checked per row, not per transaction: an
-- ownership transfer must write the old owner's demotion before the new owner's promotion.
CREATE UNIQUE INDEX membership_one_owner_per_budget ON membership (budget_id) WHERE role = 'OWNER';
-- "my budgets", and removing a deleted user everywhere
CREATE INDEX membership_by_user_idx ON membership (user_id);

CREATE TABLE invitation
(
    id           UUID                     NOT NULL PRIMARY KEY,
    budget_id    UUID                     NOT NULL REFERENCES budget (id) ON DELETE CASCADE,
    email        TEXT                     NOT NULL CHECK (position('@' IN email) > 1),
    -- ownership is transferred, never granted by invitation
    role         TEXT                     NOT NULL CHECK (role IN ('ADMIN', 'MEMBER', 'VIEWER')),
    status       TEXT                     NOT NULL CHECK (status IN ('PENDING', 'ACCEPTED', 'DECLINED', 'REVOKED', 'EXPIRED')),
    invited_by   UUID                     NOT NULL,
    -- SHA-256 of the one-time token in the invitation mail; the token itself is never stored
    token_hash   TEXT                     NOT NULL UNIQUE,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    responded_at TIMESTAMP WITH TIME ZONE,
    version      BIGINT                   NOT NULL DEFAULT 0,
    CHECK (expires_at > created_at)
);
-- one open invitation per address and budget: a second one would be ambiguous to accept
CREATE UNIQUE INDEX invitation_one_pending_per_email ON invitation (budget_id, lower(email)) WHERE status = 'PENDING';
-- "my pending invitations", found by the caller's verified address
CREATE INDEX invitation_pending_by_email_idx ON invitation (lower(email)) WHERE status = 'PENDING';
