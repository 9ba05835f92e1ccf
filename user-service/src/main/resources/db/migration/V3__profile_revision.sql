-- How many states of the profile other services were told about (ProfileUpdated.version,
-- ADR 9). Profiles from before counted none under this scheme: their next change is 2, newer
-- than the version 0 the replicas give the states they hold from before.
ALTER TABLE profile ADD COLUMN revision BIGINT NOT NULL DEFAULT 1;
ALTER TABLE profile ALTER COLUMN revision DROP DEFAULT;
