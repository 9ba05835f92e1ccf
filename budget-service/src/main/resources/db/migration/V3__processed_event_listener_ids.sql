-- Listeners deduplicate under stable ids (@IntegrationEventListener(id = ..)) instead of their
-- class names: events applied before this change stay recognised when redelivered after it.
UPDATE processed_event
SET handler = renamed.id
FROM (VALUES
    ('dev.kitty.budget.knownuser.UserRegisteredHandler', 'budget.knownuser.user-registered'),
    ('dev.kitty.budget.knownuser.EmailVerifiedHandler', 'budget.knownuser.email-verified'),
    ('dev.kitty.budget.knownuser.ProfileUpdatedHandler', 'budget.knownuser.profile-updated'),
    ('dev.kitty.budget.knownuser.UserDeletedHandler', 'budget.knownuser.user-deleted')) AS renamed (class_name, id)
WHERE processed_event.handler = renamed.class_name;
