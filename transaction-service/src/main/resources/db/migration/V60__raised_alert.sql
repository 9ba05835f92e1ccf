-- Alerts (issue 10): which alerts a budget has raised, so that each is raised once per (budget, kind, category, month)
-- (ADR 20). The writing transaction inserts the row with ON CONFLICT DO NOTHING and publishes BudgetAlertRaised only
-- when the row went in; a rolled-back write leaves neither. The key holds the month, not the limit: a limit changed
-- within the month does not alert again.
CREATE TABLE raised_alert
(
    budget_id   UUID                     NOT NULL,
    kind        TEXT                     NOT NULL CHECK (kind IN ('CATEGORY_OVER_LIMIT', 'BALANCE_BELOW_ZERO')),
    -- the first day of the month
    month       DATE                     NOT NULL CHECK (extract(DAY FROM month) = 1),
    -- null for the budget's balance
    category_id UUID,
    raised_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT raised_alert_key UNIQUE NULLS NOT DISTINCT (budget_id, kind, month, category_id)
);
