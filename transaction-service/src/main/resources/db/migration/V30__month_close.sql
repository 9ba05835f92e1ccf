-- Month close (issue 10): the zone in which a budget's months begin and end, as BudgetCreated tells it
-- (null: not told, or a zone this service does not know; the close then uses UTC).
ALTER TABLE budget_ref ADD COLUMN time_zone TEXT;

-- Where each budget's close stands: next_month is the first month not closed yet, due_at the instant it falls
-- due (the start of the month after it, in the budget's zone). The scheduler claims due rows with
-- SELECT … FOR UPDATE SKIP LOCKED (ADR 17), and the row lock is what makes a close happen once.
-- started: false until the first month closed; until then next_month moves back to the earliest month with
-- transactions, so backdated history is closed in order.
CREATE TABLE month_close_cursor
(
    budget_id  UUID                     NOT NULL PRIMARY KEY,
    next_month DATE                     NOT NULL CHECK (extract(DAY FROM next_month) = 1),
    due_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    started    BOOLEAN                  NOT NULL DEFAULT FALSE
);
CREATE INDEX month_close_cursor_due_idx ON month_close_cursor (due_at);

-- A closed month: its totals as they were when it closed (frozen), and the money it sent to goals.
CREATE TABLE closed_month
(
    budget_id          UUID                     NOT NULL,
    month              DATE                     NOT NULL CHECK (extract(DAY FROM month) = 1),
    income             NUMERIC(24, 4)           NOT NULL,
    expense            NUMERIC(24, 4)           NOT NULL,
    net                NUMERIC(24, 4)           NOT NULL,
    -- the surplus (max(net, 0)) the goals have been settled against: at the close, then after each adjustment
    accounted_surplus  NUMERIC(24, 4)           NOT NULL,
    -- what this month's surplus and its adjustments put into goals so far (signed sum of their entries)
    swept              NUMERIC(24, 4)           NOT NULL,
    -- what went to goals at this close: this month's SURPLUS plus the ADJUSTMENTs of earlier months settled with it
    allocated_to_goals NUMERIC(24, 4)           NOT NULL,
    closed_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    -- the operator who closed it on demand; null: the scheduler
    closed_by          UUID,
    PRIMARY KEY (budget_id, month)
);
