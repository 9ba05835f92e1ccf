CREATE TABLE thing_seen
(
    thing_id UUID NOT NULL,
    label    TEXT NOT NULL,
    seen_at  TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()
);
