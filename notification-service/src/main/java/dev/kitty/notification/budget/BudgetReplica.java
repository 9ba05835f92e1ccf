package dev.kitty.notification.budget;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Budget-service's budgets (name) and memberships (user, role) as budget events tell them (ADR 20).
 *
 * <p>Copied from transaction-service's {@code MembershipReplica} (ADR 9): every membership event carries the budget's
 * membership version, and a row changes only for a newer one; a removal leaves a tombstone with its version, so a
 * replayed {@code MemberAdded} cannot bring the member back; {@code BudgetCreated} makes the creator owner at
 * version 0, older than any membership event; a deleted budget's rows go and {@code deleted_budget} keeps every later
 * event of it out. The name comes with every event as it was then: a membership event's name applies when its version
 * is newer than the name's; {@code BudgetCreated} and {@code OwnershipTransferred} (which has no version) only fill a
 * missing one.
 */
@Component
public class BudgetReplica {

    private static final String NOT_DELETED = "NOT EXISTS (SELECT 1 FROM deleted_budget WHERE budget_id = :budgetId)";

    private final JdbcClient jdbc;

    BudgetReplica(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A current member of a budget. */
    public record Member(UUID userId, String role) {
    }

    /** The budget's current members (no tombstones), oldest user id first; empty for a deleted or unknown budget. */
    public List<Member> members(UUID budgetId) {
        return jdbc.sql("SELECT user_id, role FROM budget_member WHERE budget_id = :budgetId AND removed_at IS NULL ORDER BY user_id")
                .param("budgetId", budgetId)
                .query((rs, row) -> new Member(rs.getObject("user_id", UUID.class), rs.getString("role")))
                .list();
    }

    /** The budget's name as the newest event told it; empty when none has arrived. */
    public Optional<String> name(UUID budgetId) {
        return jdbc.sql("SELECT name FROM budget WHERE budget_id = :budgetId").param("budgetId", budgetId).query(String.class).optional();
    }

    public boolean isDeleted(UUID budgetId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM deleted_budget WHERE budget_id = :budgetId)").param("budgetId", budgetId)
                .query(Boolean.class).single();
    }

    void budgetCreated(UUID budgetId, String name, UUID ownerId) {
        fillName(budgetId, name);
        jdbc.sql("""
                INSERT INTO budget_member (budget_id, user_id, role, version, updated_at)
                SELECT :budgetId, :userId, 'OWNER', 0, now() WHERE %s
                ON CONFLICT (budget_id, user_id) DO NOTHING
                """.formatted(NOT_DELETED))
                .param("budgetId", budgetId).param("userId", ownerId)
                .update();
    }

    /** Only a missing name: the event has no version to compare. */
    void fillName(UUID budgetId, String name) {
        jdbc.sql("""
                INSERT INTO budget (budget_id, name, name_version, updated_at) SELECT :budgetId, :name, 0, now() WHERE %s
                ON CONFLICT (budget_id) DO NOTHING
                """.formatted(NOT_DELETED))
                .param("budgetId", budgetId).param("name", name)
                .update();
    }

    /** A new member, a new role (also reviving a tombstone or standing in for a missing MemberAdded), when newer. */
    void member(UUID budgetId, String budgetName, UUID userId, String role, long version) {
        name(budgetId, budgetName, version);
        jdbc.sql("""
                INSERT INTO budget_member (budget_id, user_id, role, version, updated_at)
                SELECT :budgetId, :userId, :role, :version, now() WHERE %s
                ON CONFLICT (budget_id, user_id) DO UPDATE
                    SET role = excluded.role, version = excluded.version, removed_at = NULL, updated_at = excluded.updated_at
                    WHERE budget_member.version < excluded.version
                """.formatted(NOT_DELETED))
                .param("budgetId", budgetId).param("userId", userId).param("role", role).param("version", version)
                .update();
    }

    /** Leaves a tombstone, also for a membership not known here yet, so that its older events are ignored when they come. */
    void memberRemoved(UUID budgetId, String budgetName, UUID userId, long version) {
        name(budgetId, budgetName, version);
        jdbc.sql("""
                INSERT INTO budget_member (budget_id, user_id, role, version, removed_at, updated_at)
                SELECT :budgetId, :userId, NULL, :version, now(), now() WHERE %s
                ON CONFLICT (budget_id, user_id) DO UPDATE
                    SET role = NULL, version = excluded.version, removed_at = excluded.removed_at, updated_at = excluded.updated_at
                    WHERE budget_member.version < excluded.version
                """.formatted(NOT_DELETED))
                .param("budgetId", budgetId).param("userId", userId).param("version", version)
                .update();
    }

    /** Final: the budget's rows go, and {@code deleted_budget} keeps every later event of the budget out. */
    void budgetDeleted(UUID budgetId) {
        jdbc.sql("INSERT INTO deleted_budget (budget_id, deleted_at) VALUES (:budgetId, now()) ON CONFLICT (budget_id) DO NOTHING")
                .param("budgetId", budgetId).update();
        jdbc.sql("DELETE FROM budget_member WHERE budget_id = :budgetId").param("budgetId", budgetId).update();
        jdbc.sql("DELETE FROM budget WHERE budget_id = :budgetId").param("budgetId", budgetId).update();
    }

    private void name(UUID budgetId, String name, long version) {
        jdbc.sql("""
                INSERT INTO budget (budget_id, name, name_version, updated_at) SELECT :budgetId, :name, :version, now() WHERE %s
                ON CONFLICT (budget_id) DO UPDATE
                    SET name = excluded.name, name_version = excluded.name_version, updated_at = excluded.updated_at
                    WHERE budget.name_version < excluded.name_version
                """.formatted(NOT_DELETED))
                .param("budgetId", budgetId).param("name", name).param("version", version)
                .update();
    }
}
