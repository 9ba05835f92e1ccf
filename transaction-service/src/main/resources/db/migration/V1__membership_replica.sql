-- Who may do what in which budget: a replica of budget-service's memberships, fed by
-- budget events and used for authorization here. Never written by this service's API.

CREATE TABLE budget_ref
(
    budget_id  UUID                     NOT NULL PRIMARY KEY,
    currency   TEXT                     NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- No foreign key to budget_ref and no one-owner rule: a replica mirrors what it is told in
-- the order it is told, and must not reject an event because another one (a BudgetCreated
-- parked on a dead-letter topic, the other half of an ownership transfer) is not here yet.
CREATE TABLE budget_member
(
    budget_id  UUID                     NOT NULL,
    user_id    UUID                     NOT NULL,
    -- kept as published: a role this version does not know grants nothing, but is not lost
    role       TEXT                     NOT NULL,
    joined_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (budget_id, user_id)
);
-- removing a deleted user from every budget
CREATE INDEX budget_member_by_user_idx ON budget_member (user_id);

-- Budgets deleted for good: a membership event replayed after the deletion (from a
-- dead-letter topic, say) must not bring back access to a budget that no longer exists.
CREATE TABLE deleted_budget
(
    budget_id  UUID                     NOT NULL PRIMARY KEY,
    deleted_at TIMESTAMP WITH TIME ZONE NOT NULL
);
