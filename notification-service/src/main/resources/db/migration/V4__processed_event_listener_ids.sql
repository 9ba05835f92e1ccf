-- Listeners deduplicate under stable ids (@IntegrationEventListener(id = ..)) instead of their
-- class names: events applied before this change stay recognised when redelivered after it.
UPDATE processed_event
SET handler = renamed.id
FROM (VALUES
    ('dev.kitty.notification.inbox.InboxBudgetDeletedHandler', 'notification.inbox.budget-deleted'),
    ('dev.kitty.notification.inbox.InboxUserDeletedHandler', 'notification.inbox.user-deleted'),
    ('dev.kitty.notification.mail.VerificationMailHandler', 'notification.mail.email-verification-requested'),
    ('dev.kitty.notification.mail.PasswordResetMailHandler', 'notification.mail.password-reset-requested'),
    ('dev.kitty.notification.mail.DeliveryLogUserDeletedHandler', 'notification.delivery-log.user-deleted'),
    ('dev.kitty.notification.settings.SettingsChangedHandler', 'notification.settings.settings-changed'),
    ('dev.kitty.notification.settings.SettingsUserDeletedHandler', 'notification.settings.user-deleted')) AS renamed (class_name, id)
WHERE processed_event.handler = renamed.class_name;
