-- How many states of the settings other services were told about
-- (NotificationSettingsChanged.version, ADR 9); settings from before continue at 2.
ALTER TABLE settings ADD COLUMN revision BIGINT NOT NULL DEFAULT 1;
ALTER TABLE settings ALTER COLUMN revision DROP DEFAULT;
