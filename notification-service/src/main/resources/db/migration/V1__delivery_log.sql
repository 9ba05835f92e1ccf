-- Every attempt to send a mail, for support ("did the reset mail go out?") and to spot an
-- SMTP outage. Never holds the mail's content: one-time tokens must not outlive the mail.
CREATE TABLE delivery_log
(
    id        UUID                     NOT NULL PRIMARY KEY DEFAULT gen_random_uuid(),
    -- the account the mail was for; null for mail to an address without one (an invitee)
    user_id   UUID,
    recipient TEXT                     NOT NULL,
    template  TEXT                     NOT NULL,
    event_id  TEXT                     NOT NULL,
    status    TEXT                     NOT NULL CHECK (status IN ('SENT', 'FAILED')),
    -- why a FAILED attempt failed, as the mail server said it
    error     TEXT,
    -- when the attempt was made, whether it succeeded or not
    sent_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX delivery_log_by_event_idx ON delivery_log (event_id);
CREATE INDEX delivery_log_by_user_idx ON delivery_log (user_id) WHERE user_id IS NOT NULL;
