package dev.kitty.transaction.membership;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Budget-service's memberships as this service knows them from budget events: what
 * authorization here asks.
 *
 * <p>Budget events are keyed by budget id, so the events of one budget arrive in order;
 * the writes still tolerate gaps (an event parked on a dead-letter topic, replayed later)
 * by being upserts that never let an old fact overwrite a newer one. {@code UserDeleted}
 * arrives on another topic; budget-service follows it with {@code MemberRemoved} events, so
 * a membership that outlives it here is removed soon after.
 */
@Component
public class MembershipReplica {

    private static final Logger log = LoggerFactory.getLogger(MembershipReplica.class);

    private static final String BUDGET_NOT_DELETED = "NOT EXISTS (SELECT 1 FROM deleted_budget WHERE budget_id = :budgetId)";

    private final JdbcClient jdbc;

    MembershipReplica(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The user's role in the budget; empty when they are no member, or hold a role this version does not know. */
    public Optional<BudgetRole> roleOf(UUID budgetId, UUID userId) {
        return jdbc.sql("SELECT role FROM budget_member WHERE budget_id = :budgetId AND user_id = :userId")
                .param("budgetId", budgetId).param("userId", userId)
                .query(String.class)
                .optional()
                .flatMap(BudgetRole::parse);
    }

    /** The budget's ISO 4217 currency; empty when the budget's creation has not reached this service. */
    public Optional<String> currencyOf(UUID budgetId) {
        return jdbc.sql("SELECT currency FROM budget_ref WHERE budget_id = :budgetId")
                .param("budgetId", budgetId)
                .query(String.class)
                .optional();
    }

    /** The first event of a budget: whatever is already here is newer, so nothing is overwritten. */
    void budgetCreated(UUID budgetId, UUID ownerId, String currency, @Nullable Instant createdAt) {
        jdbc.sql("""
                INSERT INTO budget_ref (budget_id, currency, created_at)
                SELECT :budgetId, :currency, coalesce(:createdAt, now()) WHERE %s
                ON CONFLICT (budget_id) DO NOTHING
                """.formatted(BUDGET_NOT_DELETED))
                .param("budgetId", budgetId).param("currency", currency).param("createdAt", utc(createdAt))
                .update();
        jdbc.sql("""
                INSERT INTO budget_member (budget_id, user_id, role, joined_at, updated_at)
                SELECT :budgetId, :userId, 'OWNER', coalesce(:createdAt, now()), now() WHERE %s
                ON CONFLICT (budget_id, user_id) DO NOTHING
                """.formatted(BUDGET_NOT_DELETED))
                .param("budgetId", budgetId).param("userId", ownerId).param("createdAt", utc(createdAt))
                .update();
    }

    void memberAdded(UUID budgetId, UUID userId, String role, @Nullable Instant joinedAt) {
        warnIfUnknown(role, budgetId, userId);
        jdbc.sql("""
                INSERT INTO budget_member (budget_id, user_id, role, joined_at, updated_at)
                SELECT :budgetId, :userId, :role, coalesce(:joinedAt, now()), now() WHERE %s
                ON CONFLICT (budget_id, user_id) DO UPDATE
                    SET role = excluded.role, joined_at = excluded.joined_at, updated_at = excluded.updated_at
                """.formatted(BUDGET_NOT_DELETED))
                .param("budgetId", budgetId).param("userId", userId).param("role", role).param("joinedAt", utc(joinedAt))
                .update();
    }

    /**
     * A role change for a membership not known here means its MemberAdded went missing: the
     * change is the newer fact, so it creates the membership, joined when the change was published.
     */
    void roleChanged(UUID budgetId, UUID userId, String role, @Nullable Instant changedAt) {
        warnIfUnknown(role, budgetId, userId);
        jdbc.sql("""
                INSERT INTO budget_member (budget_id, user_id, role, joined_at, updated_at)
                SELECT :budgetId, :userId, :role, coalesce(:changedAt, now()), now() WHERE %s
                ON CONFLICT (budget_id, user_id) DO UPDATE
                    SET role = excluded.role, updated_at = excluded.updated_at
                """.formatted(BUDGET_NOT_DELETED))
                .param("budgetId", budgetId).param("userId", userId).param("role", role).param("changedAt", utc(changedAt))
                .update();
    }

    void memberRemoved(UUID budgetId, UUID userId) {
        jdbc.sql("DELETE FROM budget_member WHERE budget_id = :budgetId AND user_id = :userId")
                .param("budgetId", budgetId).param("userId", userId)
                .update();
    }

    void budgetDeleted(UUID budgetId) {
        jdbc.sql("INSERT INTO deleted_budget (budget_id, deleted_at) VALUES (:budgetId, now()) ON CONFLICT (budget_id) DO NOTHING")
                .param("budgetId", budgetId)
                .update();
        jdbc.sql("DELETE FROM budget_member WHERE budget_id = :budgetId").param("budgetId", budgetId).update();
        jdbc.sql("DELETE FROM budget_ref WHERE budget_id = :budgetId").param("budgetId", budgetId).update();
    }

    void userDeleted(UUID userId) {
        jdbc.sql("DELETE FROM budget_member WHERE user_id = :userId").param("userId", userId).update();
    }

    private static void warnIfUnknown(String role, UUID budgetId, UUID userId) {
        if (BudgetRole.parse(role).isEmpty()) {
            log.warn("Budget {} gives user {} the role {}, which this version does not know: it grants nothing here", budgetId, userId, role);
        }
    }

    private static @Nullable OffsetDateTime utc(@Nullable Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
