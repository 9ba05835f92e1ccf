package dev.kitty.transaction.category;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code category} table (V4). */
@Repository
class CategoryRepository {

    private static final String COLUMNS = "id, budget_id, name, type, monthly_limit, created_at, updated_at";

    private final JdbcClient jdbc;

    CategoryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<CategoryView> ofBudget(UUID budgetId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM category WHERE budget_id = :budgetId ORDER BY type, lower(name), id")
                .param("budgetId", budgetId)
                .query(CategoryRepository::map)
                .list();
    }

    Optional<CategoryView> find(UUID budgetId, UUID categoryId, boolean forUpdate) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM category WHERE budget_id = :budgetId AND id = :id" + (forUpdate ? " FOR UPDATE" : ""))
                .param("budgetId", budgetId).param("id", categoryId)
                .query(CategoryRepository::map)
                .optional();
    }

    /** @return false when the budget has a category of that name already, whatever its case */
    boolean insertUnlessNameTaken(UUID id, UUID budgetId, String name, CategoryType type, @Nullable BigDecimal monthlyLimit, Instant now) {
        return jdbc.sql("""
                INSERT INTO category (id, budget_id, name, type, monthly_limit, created_at, updated_at, version)
                VALUES (:id, :budgetId, :name, :type, :limit, :now, :now, 0)
                ON CONFLICT (budget_id, lower(name)) DO NOTHING
                """)
                .param("id", id).param("budgetId", budgetId).param("name", name).param("type", type.name())
                .param("limit", monthlyLimit).param("now", now.atOffset(ZoneOffset.UTC))
                .update() == 1;
    }

    /** @return false when another category of the budget has that name already, whatever its case */
    boolean update(UUID id, String name, @Nullable BigDecimal monthlyLimit, Instant now) {
        return jdbc.sql("""
                UPDATE category SET name = :name, monthly_limit = :limit, updated_at = :now, version = version + 1
                WHERE id = :id
                  AND NOT EXISTS (SELECT 1 FROM category other
                                  WHERE other.budget_id = category.budget_id AND lower(other.name) = lower(:name) AND other.id <> :id)
                """)
                .param("id", id).param("name", name).param("limit", monthlyLimit).param("now", now.atOffset(ZoneOffset.UTC))
                .update() == 1;
    }

    void delete(UUID id) {
        jdbc.sql("DELETE FROM category WHERE id = :id").param("id", id).update();
    }

    void deleteAllOf(UUID budgetId) {
        jdbc.sql("DELETE FROM category WHERE budget_id = :budgetId").param("budgetId", budgetId).update();
    }

    Optional<CategoryType> typeOf(UUID budgetId, UUID categoryId) {
        return jdbc.sql("SELECT type FROM category WHERE budget_id = :budgetId AND id = :id")
                .param("budgetId", budgetId).param("id", categoryId)
                .query(String.class)
                .optional()
                .map(CategoryType::valueOf);
    }

    private static CategoryView map(ResultSet row, int index) throws SQLException {
        return new CategoryView(row.getObject("id", UUID.class), row.getObject("budget_id", UUID.class), row.getString("name"),
                CategoryType.valueOf(row.getString("type")), row.getBigDecimal("monthly_limit"),
                row.getTimestamp("created_at").toInstant(), row.getTimestamp("updated_at").toInstant());
    }
}
