-- The listing's q filter (a case-insensitive substring of the description, ILIKE '%q%'): a trigram index lets
-- PostgreSQL find rare words without reading every row of a large budget. pg_trgm ships with PostgreSQL's contrib
-- (the embedded server of the tests and the postgres image of docker-compose) and is a trusted extension, so the
-- database's owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX ledger_transaction_description_trgm_idx ON ledger_transaction USING gin (description gin_trgm_ops)
    WHERE description IS NOT NULL;
