-- Listeners deduplicate under stable ids (@IntegrationEventListener(id = ..)) instead of their
-- class names: events applied before this change stay recognised when redelivered after it.
UPDATE processed_event
SET handler = renamed.id
FROM (VALUES
    ('dev.kitty.user.onboarding.Onboarding', 'user.onboarding.user-registered'),
    ('dev.kitty.user.profile.EmailVerification', 'user.profile.email-verified')) AS renamed (class_name, id)
WHERE processed_event.handler = renamed.class_name;
