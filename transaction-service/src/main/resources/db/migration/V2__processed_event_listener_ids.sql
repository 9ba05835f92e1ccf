-- Listeners deduplicate under stable ids (@IntegrationEventListener(id = ..)) instead of their
-- class names: events applied before this change stay recognised when redelivered after it.
UPDATE processed_event
SET handler = renamed.id
FROM (VALUES
    ('dev.kitty.transaction.membership.BudgetCreatedHandler', 'transaction.membership.budget-created'),
    ('dev.kitty.transaction.membership.MemberAddedHandler', 'transaction.membership.member-added'),
    ('dev.kitty.transaction.membership.MemberRoleChangedHandler', 'transaction.membership.member-role-changed'),
    ('dev.kitty.transaction.membership.MemberRemovedHandler', 'transaction.membership.member-removed'),
    ('dev.kitty.transaction.membership.BudgetDeletedHandler', 'transaction.membership.budget-deleted'),
    ('dev.kitty.transaction.membership.UserDeletedHandler', 'transaction.membership.user-deleted')) AS renamed (class_name, id)
WHERE processed_event.handler = renamed.class_name;
