-- Which mails each user wants, replicated from user-service's NotificationSettingsChanged.
CREATE TABLE notification_settings
(
    user_id         UUID                     NOT NULL PRIMARY KEY,
    locale          TEXT,
    time_zone       TEXT,
    invitations     BOOLEAN                  NOT NULL,
    budget_alerts   BOOLEAN                  NOT NULL,
    goal_reached    BOOLEAN                  NOT NULL,
    monthly_summary BOOLEAN                  NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
