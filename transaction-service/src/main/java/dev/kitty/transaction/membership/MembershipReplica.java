package dev.kitty.transaction.membership;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
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
 * <p>Budget events are keyed by budget id, yet they can arrive out of order: an outbox
 * resubmission or a replay from a dead-letter topic delivers an event after newer ones. So
 * every membership event carries the budget's membership version, and a row changes only for
 * an event newer than the version it holds (ADR 9). A removed membership stays as a tombstone
 * with the version of its removal, so a replayed {@code MemberAdded} cannot bring it back;
 * tombstones are kept as long as the budget, and a deleted budget is remembered in
 * {@code deleted_budget} for good. {@code BudgetCreated} makes the creator owner at version 0,
 * older than any membership event. {@code UserDeleted} arrives on another topic and carries no
 * budget version: it turns the user's memberships into tombstones at the versions they hold,
 * and budget-service follows it with versioned {@code MemberRemoved} events.
 */
@Component
public class MembershipReplica {

    private static final Logger log = LoggerFactory.getLogger(MembershipReplica.class);

    private static final String BUDGET_NOT_DELETED = "NOT EXISTS (SELECT 1 FROM deleted_budget WHERE budget_id = :budgetId)";

    private final JdbcClient jdbc;

    MembershipReplica(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The user's role in the budget; empty when they are no member (or were removed), or hold a role this version does not know. */
    public Optional<BudgetRole> roleOf(UUID budgetId, UUID userId) {
        return jdbc.sql("SELECT role FROM budget_member WHERE budget_id = :budgetId AND user_id = :userId AND removed_at IS NULL")
                .param("budgetId", budgetId).param("userId", userId)
                .query(String.class)
                .optional()
                .flatMap(BudgetRole::parse);
    }

    /**
     * Whether the replica has heard anything of the user in the budget (a membership or its tombstone), or of the
     * budget's deletion: when it has not, authorization asks budget-service (read-your-writes, ADR 14).
     */
    boolean knows(UUID budgetId, UUID userId) {
        return jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM budget_member WHERE budget_id = :budgetId AND user_id = :userId)
                    OR EXISTS (SELECT 1 FROM deleted_budget WHERE budget_id = :budgetId)
                """)
                .param("budgetId", budgetId).param("userId", userId)
                .query(Boolean.class)
                .single();
    }

    /** Whether the budget was deleted: nothing of it may come back, whatever arrives late. */
    public boolean isDeleted(UUID budgetId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM deleted_budget WHERE budget_id = :budgetId)")
                .param("budgetId", budgetId)
                .query(Boolean.class)
                .single();
    }

    /** The budget's ISO 4217 currency; empty when the budget's creation has not reached this service. */
    public Optional<String> currencyOf(UUID budgetId) {
        return jdbc.sql("SELECT currency FROM budget_ref WHERE budget_id = :budgetId")
                .param("budgetId", budgetId)
                .query(String.class)
                .optional();
    }

    /**
     * The first event of a budget: whatever is already here (a membership or its tombstone) is newer, so nothing is overwritten.
     * A time zone this JVM does not know is stored as null (the month close then uses UTC) and logged.
     */
    void budgetCreated(UUID budgetId, UUID ownerId, String currency, String timeZone, Instant createdAt) {
        jdbc.sql("""
                INSERT INTO budget_ref (budget_id, currency, created_at, time_zone)
                SELECT :budgetId, :currency, :createdAt, :timeZone WHERE %s
                ON CONFLICT (budget_id) DO NOTHING
                """.formatted(BUDGET_NOT_DELETED))
                .param("budgetId", budgetId).param("currency", currency).param("createdAt", utc(createdAt))
                .param("timeZone", knownZone(timeZone, budgetId))
                .update();
        jdbc.sql("""
                INSERT INTO budget_member (budget_id, user_id, role, joined_at, updated_at, version)
                SELECT :budgetId, :userId, 'OWNER', :createdAt, now(), 0 WHERE %s
                ON CONFLICT (budget_id, user_id) DO NOTHING
                """.formatted(BUDGET_NOT_DELETED))
                .param("budgetId", budgetId).param("userId", ownerId).param("createdAt", utc(createdAt))
                .update();
    }

    /** Also revives a tombstone, when the member left and was added again (a newer version). */
    void memberAdded(UUID budgetId, UUID userId, String role, Instant joinedAt, long version) {
        warnIfUnknown(role, budgetId, userId);
        jdbc.sql("""
                INSERT INTO budget_member (budget_id, user_id, role, joined_at, updated_at, version)
                SELECT :budgetId, :userId, :role, :joinedAt, now(), :version WHERE %s
                ON CONFLICT (budget_id, user_id) DO UPDATE
                    SET role = excluded.role, joined_at = excluded.joined_at, updated_at = excluded.updated_at,
                        version = excluded.version, removed_at = NULL
                    WHERE budget_member.version < excluded.version
                """.formatted(BUDGET_NOT_DELETED))
                .param("budgetId", budgetId).param("userId", userId).param("role", role).param("joinedAt", utc(joinedAt))
                .param("version", version)
                .update();
    }

    /**
     * A role change newer than what is held makes the user a member with that role, even when
     * the replica holds no membership or a tombstone: the {@code MemberAdded} before it went
     * missing, and the change is the newer fact. Such a membership counts as joined when the
     * change was published.
     */
    void roleChanged(UUID budgetId, UUID userId, String role, @Nullable Instant changedAt, long version) {
        warnIfUnknown(role, budgetId, userId);
        jdbc.sql("""
                INSERT INTO budget_member (budget_id, user_id, role, joined_at, updated_at, version)
                SELECT :budgetId, :userId, :role, coalesce(:changedAt, now()), now(), :version WHERE %s
                ON CONFLICT (budget_id, user_id) DO UPDATE
                    SET role = excluded.role, joined_at = coalesce(budget_member.joined_at, excluded.joined_at),
                        updated_at = excluded.updated_at, version = excluded.version, removed_at = NULL
                    WHERE budget_member.version < excluded.version
                """.formatted(BUDGET_NOT_DELETED))
                .param("budgetId", budgetId).param("userId", userId).param("role", role).param("changedAt", utc(changedAt))
                .param("version", version)
                .update();
    }

    /** Leaves a tombstone, also for a membership not known here yet, so that its older events are ignored when they come. */
    void memberRemoved(UUID budgetId, UUID userId, long version) {
        jdbc.sql("""
                INSERT INTO budget_member (budget_id, user_id, role, joined_at, updated_at, version, removed_at)
                SELECT :budgetId, :userId, NULL, NULL, now(), :version, now() WHERE %s
                ON CONFLICT (budget_id, user_id) DO UPDATE
                    SET role = NULL, joined_at = NULL, updated_at = excluded.updated_at, version = excluded.version,
                        removed_at = excluded.removed_at
                    WHERE budget_member.version < excluded.version
                """.formatted(BUDGET_NOT_DELETED))
                .param("budgetId", budgetId).param("userId", userId).param("version", version)
                .update();
    }

    /** Final: the budget's rows go, and {@code deleted_budget} keeps every later event of the budget out. */
    void budgetDeleted(UUID budgetId) {
        jdbc.sql("INSERT INTO deleted_budget (budget_id, deleted_at) VALUES (:budgetId, now()) ON CONFLICT (budget_id) DO NOTHING")
                .param("budgetId", budgetId)
                .update();
        jdbc.sql("DELETE FROM budget_member WHERE budget_id = :budgetId").param("budgetId", budgetId).update();
        jdbc.sql("DELETE FROM budget_ref WHERE budget_id = :budgetId").param("budgetId", budgetId).update();
    }

    /** Tombstones at the versions held: older membership events of the user stay ignored. */
    void userDeleted(UUID userId) {
        jdbc.sql("""
                UPDATE budget_member SET role = NULL, joined_at = NULL, updated_at = now(), removed_at = now()
                WHERE user_id = :userId AND removed_at IS NULL
                """)
                .param("userId", userId)
                .update();
    }

    /**
     * Only a region of the time-zone database (what budget-service accepts): PostgreSQL also evaluates the zone (the
     * recurring rules' "today"), and offsets such as {@code UTC+01:00} mean the opposite sign there.
     */
    private static @Nullable String knownZone(String timeZone, UUID budgetId) {
        if (ZoneId.getAvailableZoneIds().contains(timeZone)) {
            return timeZone;
        }
        log.warn("Budget {} has the time zone {}, which this service does not know: its months close in UTC", budgetId, timeZone);
        return null;
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
