-- The ledger (issue 9): categories and transactions of a budget. Budget and user ids are virtual
-- foreign keys (budget-service, auth-service own them); category is this service's own.
-- Money is NUMERIC: never a float. 4 decimal places hold every ISO 4217 currency's minor unit
-- (at most 3 today); the application refuses more digits than the budget's currency has.

CREATE TABLE category
(
    id            UUID                     NOT NULL PRIMARY KEY,
    budget_id     UUID                     NOT NULL,
    name          TEXT                     NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 60),
    type          TEXT                     NOT NULL CHECK (type IN ('INCOME', 'EXPENSE')),
    monthly_limit NUMERIC(19, 4) CHECK (monthly_limit > 0),
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    version       BIGINT                   NOT NULL DEFAULT 0
);
-- names are unique per budget whatever their case ("Food" and "food" would confuse everyone)
CREATE UNIQUE INDEX category_name_once_per_budget ON category (budget_id, lower(name));

-- "transaction" is an SQL keyword: the table says what it is in the ledger
CREATE TABLE ledger_transaction
(
    id          UUID                     NOT NULL PRIMARY KEY,
    budget_id   UUID                     NOT NULL,
    type        TEXT                     NOT NULL CHECK (type IN ('INCOME', 'EXPENSE')),
    amount      NUMERIC(19, 4)           NOT NULL CHECK (amount > 0),
    occurred_on DATE                     NOT NULL,
    -- deleting a category keeps its transactions, uncategorised
    category_id UUID REFERENCES category (id) ON DELETE SET NULL,
    description TEXT CHECK (length(description) <= 500),
    -- the id a bank export gave the row, for recognising a re-imported file
    external_id TEXT CHECK (length(external_id) BETWEEN 1 AND 200),
    -- authors: null once their account is deleted (the history stays, "a former member")
    created_by  UUID,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by  UUID,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    -- optimistic locking, the ETag, and the version of the transaction events
    version     BIGINT                   NOT NULL DEFAULT 0
);
-- the listing: a budget's transactions newest first, and every date range of it
CREATE INDEX ledger_transaction_by_date_idx ON ledger_transaction (budget_id, occurred_on DESC, created_at DESC, id DESC);
-- the listing filtered by category or author
CREATE INDEX ledger_transaction_by_category_idx ON ledger_transaction (budget_id, category_id, occurred_on DESC);
CREATE INDEX ledger_transaction_by_author_idx ON ledger_transaction (budget_id, created_by, occurred_on DESC);
-- ON DELETE SET NULL looks transactions up by category alone
CREATE INDEX ledger_transaction_category_fk_idx ON ledger_transaction (category_id) WHERE category_id IS NOT NULL;
-- a deleted account's author links, in every budget
CREATE INDEX ledger_transaction_created_by_idx ON ledger_transaction (created_by) WHERE created_by IS NOT NULL;
CREATE INDEX ledger_transaction_updated_by_idx ON ledger_transaction (updated_by) WHERE updated_by IS NOT NULL;
-- an external id names one transaction per budget
CREATE UNIQUE INDEX ledger_transaction_external_id ON ledger_transaction (budget_id, external_id) WHERE external_id IS NOT NULL;
