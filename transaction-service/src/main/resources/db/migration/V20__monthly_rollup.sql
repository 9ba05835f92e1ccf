-- Summaries (issue 9): a budget's money per month, category, author and type, kept up to date by every
-- transaction write in the same database transaction (ADR 15). A summary or chart of any period sums
-- these rows (at most months × categories × members × 2 of them) and never reads ledger_transaction.
CREATE TABLE monthly_rollup
(
    budget_id   UUID           NOT NULL,
    -- the first day of the month
    month       DATE           NOT NULL CHECK (extract(DAY FROM month) = 1),
    -- null: uncategorised
    category_id UUID,
    -- the transactions' author (created_by); null: a former member (account deleted)
    member_id   UUID,
    type        TEXT           NOT NULL CHECK (type IN ('INCOME', 'EXPENSE')),
    -- wider than an amount: a sum of many
    total       NUMERIC(24, 4) NOT NULL,
    tx_count    BIGINT         NOT NULL,
    -- one row per key, the nulls included (PostgreSQL 15+), so that upserts find "uncategorised" too;
    -- its index also answers every budget × month range
    CONSTRAINT monthly_rollup_key UNIQUE NULLS NOT DISTINCT (budget_id, month, category_id, member_id, type)
);
-- moving a deleted category's rows to "uncategorised"
CREATE INDEX monthly_rollup_by_category_idx ON monthly_rollup (budget_id, category_id) WHERE category_id IS NOT NULL;

-- Display names of the people who record transactions, for the summaries' byMember (people/).
-- A versioned replica (ADR 9): registration fills what is missing, ProfileUpdated applies when newer,
-- and a deleted account is forgotten, its id kept so that a late event cannot bring the name back.
CREATE TABLE person
(
    user_id         UUID                     NOT NULL PRIMARY KEY,
    display_name    TEXT                     NOT NULL,
    profile_version BIGINT                   NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE TABLE deleted_person
(
    user_id    UUID                     NOT NULL PRIMARY KEY,
    deleted_at TIMESTAMP WITH TIME ZONE NOT NULL
);
