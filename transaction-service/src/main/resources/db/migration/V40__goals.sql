-- Piggy bank goals (issue 10): a budget's savings targets and the append-only ledger of what went into and out of
-- each. A goal's savings are the sum of its entries, never stored apart from them (ADR 18). Budget and user ids are
-- virtual foreign keys, as in the ledger.

CREATE TABLE goal
(
    id            UUID                     NOT NULL PRIMARY KEY,
    budget_id     UUID                     NOT NULL,
    name          TEXT                     NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    -- the budget's currency when the goal was made (a budget's currency never changes), for the events' amounts
    currency      TEXT                     NOT NULL CHECK (length(currency) = 3),
    target_amount NUMERIC(19, 4)           NOT NULL CHECK (target_amount > 0),
    target_date   DATE,
    -- 1 fills first; ties go by created_at, then id
    priority      INT                      NOT NULL CHECK (priority BETWEEN 1 AND 1000),
    -- when the savings first met the target; set once, never cleared (GoalReached is published once)
    reached_at    TIMESTAMP WITH TIME ZONE,
    -- the ETag; grows with every change of the goal and every entry written to it
    version       BIGINT                   NOT NULL DEFAULT 1,
    -- null once the author's account is deleted
    created_by    UUID,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
-- names are unique per budget whatever their case
CREATE UNIQUE INDEX goal_name_once_per_budget ON goal (budget_id, lower(name));
-- the budget's goals in sweep order
CREATE INDEX goal_by_priority_idx ON goal (budget_id, priority, created_at, id);
CREATE INDEX goal_created_by_idx ON goal (created_by) WHERE created_by IS NOT NULL;

CREATE TABLE goal_entry
(
    id         UUID                     NOT NULL PRIMARY KEY,
    -- deleting a goal releases its savings: its entries go with it
    goal_id    UUID                     NOT NULL REFERENCES goal (id) ON DELETE CASCADE,
    budget_id  UUID                     NOT NULL,
    -- the closed month (its first day) a SURPLUS or ADJUSTMENT belongs to; null for a member's contribution or withdrawal
    month      DATE CHECK (extract(DAY FROM month) = 1),
    amount     NUMERIC(19, 4)           NOT NULL,
    kind       TEXT                     NOT NULL CHECK (kind IN ('SURPLUS', 'CONTRIBUTION', 'WITHDRAWAL', 'ADJUSTMENT')),
    created_by UUID,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT goal_entry_sign CHECK (CASE kind
                                          WHEN 'SURPLUS' THEN amount > 0
                                          WHEN 'CONTRIBUTION' THEN amount > 0
                                          WHEN 'WITHDRAWAL' THEN amount < 0
                                          ELSE amount <> 0 END),
    CONSTRAINT goal_entry_month CHECK ((kind IN ('SURPLUS', 'ADJUSTMENT')) = (month IS NOT NULL))
);
-- a goal's savings (the sum) and its entries newest first
CREATE INDEX goal_entry_by_goal_idx ON goal_entry (goal_id, created_at DESC, id DESC) INCLUDE (amount, kind);
-- a deleted budget's entries
CREATE INDEX goal_entry_by_budget_idx ON goal_entry (budget_id);
CREATE INDEX goal_entry_created_by_idx ON goal_entry (created_by) WHERE created_by IS NOT NULL;

-- The entries are a ledger: nothing rewrites one. The only change allowed is forgetting a deleted account
-- (created_by to null); rows go only with their goal or budget.
CREATE FUNCTION goal_entry_append_only() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    IF NEW.id IS DISTINCT FROM OLD.id OR NEW.goal_id IS DISTINCT FROM OLD.goal_id OR NEW.budget_id IS DISTINCT FROM OLD.budget_id
        OR NEW.month IS DISTINCT FROM OLD.month OR NEW.amount IS DISTINCT FROM OLD.amount OR NEW.kind IS DISTINCT FROM OLD.kind
        OR NEW.created_at IS DISTINCT FROM OLD.created_at
        OR (NEW.created_by IS DISTINCT FROM OLD.created_by AND NEW.created_by IS NOT NULL) THEN
        RAISE EXCEPTION 'goal_entry is append-only: entry % cannot change', OLD.id;
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER goal_entry_append_only
    BEFORE UPDATE ON goal_entry
    FOR EACH ROW
EXECUTE FUNCTION goal_entry_append_only();
