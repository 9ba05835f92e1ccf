-- Mail outbox (ADR 11): a consumer writes the rendered mail here in its own transaction; a
-- scheduled sender claims due rows (FOR UPDATE SKIP LOCKED), sends them and retries failures
-- with back-off. Bodies are cleared once a mail is sent or given up: a one-time token in a
-- verification or reset mail must not outlive the mail (ADR 3).
CREATE TABLE mail_outbox
(
    id              UUID                     NOT NULL PRIMARY KEY,
    -- the account the mail is for; null for an address without one (an invitee)
    user_id         UUID,
    -- null while the account's address is not known yet: filled in when it arrives
    recipient       TEXT,
    template        TEXT                     NOT NULL,
    event_id        TEXT                     NOT NULL,
    subject         TEXT,
    text_body       TEXT,
    html_body       TEXT,
    status          TEXT                     NOT NULL CHECK (status IN ('PENDING', 'SENT', 'FAILED')),
    attempts        INTEGER                  NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at     TIMESTAMP WITH TIME ZONE,
    -- one mail per event, recipient and template even if the event is handled twice; user_id
    -- keeps apart the rows of one event that still wait for their addresses
    CONSTRAINT mail_outbox_once UNIQUE NULLS NOT DISTINCT (event_id, recipient, template, user_id)
);
CREATE INDEX mail_outbox_due_idx ON mail_outbox (next_attempt_at) WHERE status = 'PENDING' AND recipient IS NOT NULL;
CREATE INDEX mail_outbox_by_user_idx ON mail_outbox (user_id) WHERE user_id IS NOT NULL;

-- Who the users are, for addressing them and naming them to others: filled by UserRegistered
-- (only what is missing, version 0) and ProfileUpdated (only a newer version, ADR 9); a deleted
-- user's row goes and their id stays in deleted_user.
CREATE TABLE recipient
(
    user_id      UUID                     NOT NULL PRIMARY KEY,
    email        TEXT                     NOT NULL,
    display_name TEXT                     NOT NULL,
    version      BIGINT                   NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX recipient_by_email_idx ON recipient (lower(email));
