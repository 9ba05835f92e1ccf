-- Recurring transactions (issue 10): a budget's rules, and the link of each transaction a rule posted.
-- next_occurrence is the rule's next date not yet posted (null when the rule is finished); posted_through is
-- the last occurrence posted, so that a change of the rule never posts an occurrence twice, even one whose
-- transaction a member deleted since. The scheduler claims due rules with FOR UPDATE SKIP LOCKED (ADR 0019).
CREATE TABLE recurring_rule
(
    id              UUID                     NOT NULL PRIMARY KEY,
    budget_id       UUID                     NOT NULL,
    type            TEXT                     NOT NULL CHECK (type IN ('INCOME', 'EXPENSE')),
    amount          NUMERIC(19, 4)           NOT NULL CHECK (amount > 0),
    -- deleting a category keeps the rule, uncategorised (as its transactions)
    category_id     UUID REFERENCES category (id) ON DELETE SET NULL,
    description     TEXT CHECK (length(description) <= 500),
    frequency       TEXT                     NOT NULL CHECK (frequency IN ('WEEKLY', 'MONTHLY', 'YEARLY')),
    -- "interval" is an SQL keyword
    every           INTEGER                  NOT NULL CHECK (every >= 1 AND every <= CASE frequency WHEN 'WEEKLY' THEN 52 WHEN 'MONTHLY' THEN 12 ELSE 10 END),
    start_on        DATE                     NOT NULL,
    end_on          DATE CHECK (end_on >= start_on),
    -- the day of month a MONTHLY/YEARLY rule posts on (clamped to shorter months): start_on's, never stored apart
    day_of_month    INTEGER GENERATED ALWAYS AS (EXTRACT(DAY FROM start_on)::INTEGER) STORED,
    next_occurrence DATE,
    posted_through  DATE,
    -- authors: null once their account is deleted; the rule belongs to the budget and keeps running
    created_by      UUID,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by      UUID,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    version         BIGINT                   NOT NULL
);
-- the listing: a budget's rules
CREATE INDEX recurring_rule_by_budget_idx ON recurring_rule (budget_id, created_at, id);
-- the scheduler's claim: due rules, oldest due first
CREATE INDEX recurring_rule_due_idx ON recurring_rule (next_occurrence) WHERE next_occurrence IS NOT NULL;
CREATE INDEX recurring_rule_category_fk_idx ON recurring_rule (category_id) WHERE category_id IS NOT NULL;
CREATE INDEX recurring_rule_created_by_idx ON recurring_rule (created_by) WHERE created_by IS NOT NULL;
CREATE INDEX recurring_rule_updated_by_idx ON recurring_rule (updated_by) WHERE updated_by IS NOT NULL;

-- The link of a posted transaction to its rule and occurrence; deleting the rule keeps the transactions.
-- The unique index makes each occurrence a single transaction, whatever instances race to post it.
ALTER TABLE ledger_transaction ADD COLUMN recurring_rule_id UUID REFERENCES recurring_rule (id) ON DELETE SET NULL;
ALTER TABLE ledger_transaction ADD COLUMN occurrence_on DATE;
ALTER TABLE ledger_transaction ADD CONSTRAINT ledger_transaction_occurrence_of_a_rule
    CHECK (recurring_rule_id IS NULL OR occurrence_on IS NOT NULL);
-- partial: the ordinary transactions (most of them) stay out of it; also serves ON DELETE SET NULL
CREATE UNIQUE INDEX ledger_transaction_occurrence_once ON ledger_transaction (recurring_rule_id, occurrence_on)
    WHERE recurring_rule_id IS NOT NULL;
