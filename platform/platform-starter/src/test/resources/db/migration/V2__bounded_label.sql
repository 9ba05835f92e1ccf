-- Columns with limits that a request can exceed when nothing validates it first (ProbeService).
CREATE TABLE bounded_label
(
    label  VARCHAR(8)    NOT NULL,
    amount NUMERIC(5, 2) NOT NULL
);
