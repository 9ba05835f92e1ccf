package dev.kitty.system.budget;

import dev.kitty.devstack.RunningStack;
import dev.kitty.devstack.Service;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Looks through every service's own database for a value: every row of every table, in every column that can hold
 * an id or a text (uuid, text, varchar, jsonb, arrays). What a deleted user or budget may leave behind is only what
 * the spec keeps on purpose: id-only tombstones (tables named {@code deleted_*}) that stop late events from bringing
 * the data back, and the consumers' record of processed event ids.
 */
final class DatabaseTraces {

    private static final Set<String> KEPT_ON_PURPOSE = Set.of("flyway_schema_history", "processed_event");

    private final RunningStack stack;

    DatabaseTraces(RunningStack stack) {
        this.stack = stack;
    }

    /** Where {@code value} still appears, as {@code database.table.column (n rows)}; empty when nowhere. */
    List<String> of(String value) {
        var found = new ArrayList<String>();
        for (Service service : Service.values()) {
            var database = service.database();
            if (database.isEmpty()) {
                continue;
            }
            try (Connection connection = DriverManager.getConnection(stack.jdbcUrl(database.get()), database.get(), database.get())) {
                found.addAll(search(connection, database.get(), value));
            } catch (SQLException e) {
                throw new IllegalStateException("cannot search " + database.get(), e);
            }
        }
        return found;
    }

    private static List<String> search(Connection connection, String database, String value) throws SQLException {
        var columns = new ArrayList<String[]>();
        try (var statement = connection.prepareStatement("""
                SELECT c.table_name, c.column_name, c.data_type
                FROM information_schema.columns c
                JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
                WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'
                  AND (c.data_type IN ('uuid', 'text', 'character varying', 'jsonb', 'json', 'ARRAY'))
                ORDER BY c.table_name, c.column_name""");
             var rows = statement.executeQuery()) {
            while (rows.next()) {
                columns.add(new String[] {rows.getString(1), rows.getString(2), rows.getString(3)});
            }
        }
        var found = new ArrayList<String>();
        for (String[] column : columns) {
            String table = column[0];
            if (KEPT_ON_PURPOSE.contains(table) || table.startsWith("deleted_")) {
                continue;
            }
            var sql = "SELECT count(*) FROM \"%s\" WHERE position(lower(?) IN lower(\"%s\"::text)) > 0".formatted(table, column[1]);
            try (var statement = connection.prepareStatement(sql)) {
                statement.setString(1, value);
                try (var rows = statement.executeQuery()) {
                    rows.next();
                    long count = rows.getLong(1);
                    if (count > 0) {
                        found.add("%s.%s.%s (%d rows)".formatted(database, table, column[1], count));
                    }
                }
            }
        }
        return found;
    }
}
