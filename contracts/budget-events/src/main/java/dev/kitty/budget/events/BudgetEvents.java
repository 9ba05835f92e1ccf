package dev.kitty.budget.events;

import dev.kitty.events.EventCatalog;
import dev.kitty.events.EventType;

/** What budget-service publishes, on the {@value #TOPIC} topic, keyed by budget id. */
public final class BudgetEvents {

    public static final String TOPIC = "budget.events";

    public static final EventType<BudgetCreated> BUDGET_CREATED =
            EventType.of("kitty.budget.created.v1", TOPIC, BudgetCreated.class, e -> e.budgetId().toString());
    public static final EventType<BudgetDeleted> BUDGET_DELETED =
            EventType.of("kitty.budget.deleted.v1", TOPIC, BudgetDeleted.class, e -> e.budgetId().toString());
    public static final EventType<MemberAdded> MEMBER_ADDED =
            EventType.of("kitty.budget.member-added.v1", TOPIC, MemberAdded.class, e -> e.budgetId().toString());
    public static final EventType<MemberRoleChanged> MEMBER_ROLE_CHANGED =
            EventType.of("kitty.budget.member-role-changed.v1", TOPIC, MemberRoleChanged.class, e -> e.budgetId().toString());
    public static final EventType<MemberRemoved> MEMBER_REMOVED =
            EventType.of("kitty.budget.member-removed.v1", TOPIC, MemberRemoved.class, e -> e.budgetId().toString());
    public static final EventType<OwnershipTransferred> OWNERSHIP_TRANSFERRED =
            EventType.of("kitty.budget.ownership-transferred.v1", TOPIC, OwnershipTransferred.class, e -> e.budgetId().toString());
    public static final EventType<InviteCreated> INVITE_CREATED =
            EventType.of("kitty.budget.invite-created.v1", TOPIC, InviteCreated.class, e -> e.budgetId().toString());

    public static final EventCatalog CATALOG = EventCatalog.of("budget-service",
            BUDGET_CREATED, BUDGET_DELETED, MEMBER_ADDED, MEMBER_ROLE_CHANGED, MEMBER_REMOVED, OWNERSHIP_TRANSFERRED, INVITE_CREATED);

    private BudgetEvents() {
    }
}
