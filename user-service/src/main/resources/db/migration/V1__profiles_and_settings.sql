-- One profile and one settings row per user; the id is auth-service's user id (a virtual
-- foreign key kept consistent by identity events), so neither is generated here.
CREATE TABLE profile
(
    id             UUID                     NOT NULL PRIMARY KEY,
    email          VARCHAR(320)             NOT NULL,
    display_name   VARCHAR(80)              NOT NULL CHECK (length(btrim(display_name)) > 0),
    email_verified BOOLEAN                  NOT NULL DEFAULT FALSE,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    version        BIGINT                   NOT NULL
);
-- Admins list profiles in email order.
CREATE INDEX profile_by_email_idx ON profile (email, id);

CREATE TABLE settings
(
    user_id         UUID        NOT NULL PRIMARY KEY REFERENCES profile (id) ON DELETE CASCADE,
    currency        VARCHAR(3)  NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    locale          VARCHAR(64) NOT NULL,
    time_zone       VARCHAR(64) NOT NULL,
    invitations     BOOLEAN     NOT NULL,
    budget_alerts   BOOLEAN     NOT NULL,
    goal_reached    BOOLEAN     NOT NULL,
    monthly_summary BOOLEAN     NOT NULL,
    version         BIGINT      NOT NULL
);
