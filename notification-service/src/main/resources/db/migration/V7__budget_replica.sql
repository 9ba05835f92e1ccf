-- Who belongs to which budget, and its name, for telling the members of a budget about its money (issue 10):
-- a replica of budget-service's memberships fed by budget events, versioned like transaction-service's (ADR 9).
-- A membership event applies only when its version (the budget's membership version) is newer than the row's;
-- a removed membership stays as a tombstone with the version of its removal; a deleted budget stays in
-- deleted_budget for good, so that no late event brings it back.
CREATE TABLE budget
(
    budget_id    UUID                     NOT NULL PRIMARY KEY,
    name         TEXT                     NOT NULL,
    -- the membership version of the event that brought the name; 0 for BudgetCreated (and OwnershipTransferred, which
    -- has no version and only fills a missing name)
    name_version BIGINT                   NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE budget_member
(
    budget_id  UUID                     NOT NULL,
    user_id    UUID                     NOT NULL,
    -- kept as published; null on a tombstone
    role       TEXT,
    version    BIGINT                   NOT NULL,
    removed_at TIMESTAMP WITH TIME ZONE,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (budget_id, user_id),
    CONSTRAINT budget_member_live_or_tombstone CHECK ((removed_at IS NULL AND role IS NOT NULL) OR (removed_at IS NOT NULL AND role IS NULL))
);

CREATE TABLE deleted_budget
(
    budget_id  UUID                     NOT NULL PRIMARY KEY,
    deleted_at TIMESTAMP WITH TIME ZONE NOT NULL
);
