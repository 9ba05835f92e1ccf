package dev.kitty.transaction.goal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code goal_entry} table (V40): append-only. Entries are inserted and read; a trigger refuses any change but
 * forgetting a deleted author, and rows go only with their goal or budget.
 */
@Repository
class GoalEntryRepository {

    private final JdbcClient jdbc;

    GoalEntryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(GoalEntryRow entry) {
        jdbc.sql("""
                INSERT INTO goal_entry (id, goal_id, budget_id, month, amount, kind, created_by, created_at)
                VALUES (:id, :goalId, :budgetId, :month, :amount, :kind, :createdBy, :createdAt)
                """)
                .param("id", entry.id()).param("goalId", entry.goalId()).param("budgetId", entry.budgetId())
                .param("month", entry.month() == null ? null : entry.month().atDay(1))
                .param("amount", entry.amount()).param("kind", entry.kind().name()).param("createdBy", entry.createdBy())
                .param("createdAt", entry.createdAt().atOffset(ZoneOffset.UTC))
                .update();
    }

    /** The goal's entries newest first. */
    List<GoalEntryRow> page(UUID goalId, long offset, int limit) {
        return jdbc.sql("""
                SELECT id, goal_id, budget_id, month, amount, kind, created_by, created_at FROM goal_entry
                WHERE goal_id = :goalId ORDER BY created_at DESC, id DESC OFFSET :offset LIMIT :limit
                """)
                .param("goalId", goalId).param("offset", offset).param("limit", limit)
                .query(GoalEntryRepository::map)
                .list();
    }

    long count(UUID goalId) {
        return jdbc.sql("SELECT count(*) FROM goal_entry WHERE goal_id = :goalId").param("goalId", goalId).query(Long.class).single();
    }

    void forgetCreator(UUID userId) {
        jdbc.sql("UPDATE goal_entry SET created_by = NULL WHERE created_by = :userId").param("userId", userId).update();
    }

    private static GoalEntryRow map(ResultSet row, int index) throws SQLException {
        var month = row.getObject("month", LocalDate.class);
        return new GoalEntryRow(row.getObject("id", UUID.class), row.getObject("goal_id", UUID.class), row.getObject("budget_id", UUID.class),
                month == null ? null : YearMonth.from(month), row.getBigDecimal("amount"), EntryKind.valueOf(row.getString("kind")),
                row.getObject("created_by", UUID.class), row.getTimestamp("created_at").toInstant());
    }
}
