package dev.kitty.transaction.goal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code goal} table (V40). Savings are never stored: every read sums the goal's entries (an index on
 * {@code goal_entry (goal_id)} answers it). Writers of a goal's entries lock the goal's row first, so the sum read
 * after the lock (a new statement, hence a new snapshot under READ COMMITTED) includes every committed entry.
 */
@Repository
class GoalRepository {

    private static final String SELECT = """
            SELECT g.id, g.budget_id, g.name, g.currency, g.target_amount, g.target_date, g.priority, g.reached_at, g.version,
                   g.created_by, g.created_at, g.updated_at,
                   coalesce(s.saved, 0) AS saved, coalesce(s.swept, 0) AS swept
            FROM goal g
            LEFT JOIN LATERAL (SELECT sum(e.amount) AS saved,
                                      sum(e.amount) FILTER (WHERE e.kind IN ('SURPLUS', 'ADJUSTMENT')) AS swept
                               FROM goal_entry e WHERE e.goal_id = g.id) s ON true
            """;

    private final JdbcClient jdbc;

    GoalRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The budget's goals in sweep order, with their savings. */
    List<GoalRow> ofBudget(UUID budgetId) {
        // sweep order: priority, then the older goal, then the id, so that ties are decided the same way every time
        return jdbc.sql(SELECT + " WHERE g.budget_id = :budgetId ORDER BY g.priority, g.created_at, g.id")
                .param("budgetId", budgetId)
                .query(GoalRepository::map)
                .list();
    }

    Optional<GoalRow> find(UUID budgetId, UUID goalId) {
        return jdbc.sql(SELECT + " WHERE g.budget_id = :budgetId AND g.id = :id")
                .param("budgetId", budgetId).param("id", goalId)
                .query(GoalRepository::map)
                .optional();
    }

    /** Locks one goal of the budget until the transaction ends; @return false when the budget has no such goal. */
    boolean lock(UUID budgetId, UUID goalId) {
        return jdbc.sql("SELECT id FROM goal WHERE budget_id = :budgetId AND id = :id FOR UPDATE")
                .param("budgetId", budgetId).param("id", goalId)
                .query(UUID.class)
                .optional()
                .isPresent();
    }

    /**
     * Locks every goal of the budget until the transaction ends, in id order: an order no concurrent change of a
     * priority can upset, so two lockers of the same budget never deadlock.
     */
    List<UUID> lockAll(UUID budgetId) {
        return jdbc.sql("SELECT id FROM goal WHERE budget_id = :budgetId ORDER BY id FOR UPDATE")
                .param("budgetId", budgetId)
                .query(UUID.class)
                .list();
    }

    int count(UUID budgetId) {
        return jdbc.sql("SELECT count(*) FROM goal WHERE budget_id = :budgetId").param("budgetId", budgetId).query(Integer.class).single();
    }

    /** One after the budget's last priority (at most {@code max}); 1 for the first goal. */
    int nextPriority(UUID budgetId, int max) {
        return jdbc.sql("SELECT least(coalesce(max(priority), 0) + 1, :max) FROM goal WHERE budget_id = :budgetId")
                .param("budgetId", budgetId).param("max", max)
                .query(Integer.class).single();
    }

    /** @return false when the budget has a goal of that name already, whatever its case */
    boolean insertUnlessNameTaken(UUID id, UUID budgetId, String name, String currency, BigDecimal targetAmount,
            @Nullable LocalDate targetDate, int priority, @Nullable Instant reachedAt, UUID createdBy, Instant now) {
        return jdbc.sql("""
                INSERT INTO goal (id, budget_id, name, currency, target_amount, target_date, priority, reached_at, version,
                                  created_by, created_at, updated_at)
                VALUES (:id, :budgetId, :name, :currency, :target, :targetDate, :priority, :reachedAt, 1, :createdBy, :now, :now)
                ON CONFLICT (budget_id, lower(name)) DO NOTHING
                """)
                .param("id", id).param("budgetId", budgetId).param("name", name).param("currency", currency)
                .param("target", targetAmount).param("targetDate", targetDate).param("priority", priority)
                .param("reachedAt", utc(reachedAt)).param("createdBy", createdBy).param("now", utc(now))
                .update() == 1;
    }

    /** @return false when another goal of the budget has that name already, whatever its case */
    boolean update(UUID id, String name, BigDecimal targetAmount, @Nullable LocalDate targetDate, int priority, Instant now) {
        return jdbc.sql("""
                UPDATE goal SET name = :name, target_amount = :target, target_date = :targetDate, priority = :priority,
                                updated_at = :now, version = version + 1
                WHERE id = :id
                  AND NOT EXISTS (SELECT 1 FROM goal other
                                  WHERE other.budget_id = goal.budget_id AND lower(other.name) = lower(:name) AND other.id <> :id)
                """)
                .param("id", id).param("name", name).param("target", targetAmount).param("targetDate", targetDate)
                .param("priority", priority).param("now", utc(now))
                .update() == 1;
    }

    /** A new version (ETag) for goals whose entries changed. */
    void touch(Collection<UUID> ids, Instant now) {
        if (ids.isEmpty()) {
            return;
        }
        jdbc.sql("UPDATE goal SET version = version + 1, updated_at = :now WHERE id IN (:ids)")
                .param("ids", ids).param("now", utc(now))
                .update();
    }

    /**
     * Sets {@code reached_at} of the goals among {@code ids} whose savings meet their target for the first time.
     *
     * @return the goals reached just now (as they are after the change)
     */
    List<UUID> markReached(Collection<UUID> ids, Instant now) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                UPDATE goal g SET reached_at = :now
                WHERE g.id IN (:ids) AND g.reached_at IS NULL
                  AND g.target_amount <= (SELECT coalesce(sum(e.amount), 0) FROM goal_entry e WHERE e.goal_id = g.id)
                RETURNING g.id
                """)
                .param("ids", ids).param("now", utc(now))
                .query(UUID.class)
                .list();
    }

    void delete(UUID id) {
        jdbc.sql("DELETE FROM goal WHERE id = :id").param("id", id).update();
    }

    /** @return how many goals went (their entries go with them) */
    int deleteAllOf(UUID budgetId) {
        jdbc.sql("DELETE FROM goal_entry WHERE budget_id = :budgetId").param("budgetId", budgetId).update();
        return jdbc.sql("DELETE FROM goal WHERE budget_id = :budgetId").param("budgetId", budgetId).update();
    }

    void forgetCreator(UUID userId) {
        jdbc.sql("UPDATE goal SET created_by = NULL WHERE created_by = :userId").param("userId", userId).update();
    }

    private static @Nullable OffsetDateTime utc(@Nullable Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static GoalRow map(ResultSet row, int index) throws SQLException {
        var reachedAt = row.getTimestamp("reached_at");
        return new GoalRow(row.getObject("id", UUID.class), row.getObject("budget_id", UUID.class), row.getString("name"),
                row.getString("currency"), row.getBigDecimal("target_amount"), row.getObject("target_date", LocalDate.class),
                row.getInt("priority"), reachedAt == null ? null : reachedAt.toInstant(), row.getLong("version"),
                row.getObject("created_by", UUID.class), instant(row.getTimestamp("created_at")), instant(row.getTimestamp("updated_at")),
                row.getBigDecimal("saved"), row.getBigDecimal("swept"));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp.toInstant();
    }
}
