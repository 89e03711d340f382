package com.shop.e2e.harness;

import com.shop.stack.Components;
import com.shop.stack.StackSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads and seeds the five databases straight, as the tests' source of truth. */
public final class Databases {

    private final StackSettings settings;

    public Databases(StackSettings settings) {
        this.settings = settings;
    }

    public long count(String database, String sql, Object... args) {
        List<Map<String, Object>> rows = query(database, sql, args);
        return ((Number) rows.get(0).values().iterator().next()).longValue();
    }

    public List<Map<String, Object>> query(String database, String sql, Object... args) {
        try (Connection connection = connect(database); PreparedStatement statement = prepare(connection, sql, args);
             ResultSet rows = statement.executeQuery()) {
            ResultSetMetaData meta = rows.getMetaData();
            List<Map<String, Object>> result = new ArrayList<>();
            while (rows.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.put(meta.getColumnLabel(i), rows.getObject(i));
                }
                result.add(row);
            }
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException(database + ": " + sql + " failed: " + e.getMessage(), e);
        }
    }

    public int update(String database, String sql, Object... args) {
        try (Connection connection = connect(database); PreparedStatement statement = prepare(connection, sql, args)) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(database + ": " + sql + " failed: " + e.getMessage(), e);
        }
    }

    /** An update in strict SQL mode, as the TC's store connections run (a value too long is an error). */
    public int updateStrict(String database, String sql, Object... args) {
        try (Connection connection = connect(database)) {
            try (Statement mode = connection.createStatement()) {
                mode.execute("SET SESSION sql_mode = 'STRICT_ALL_TABLES'");
            }
            try (PreparedStatement statement = prepare(connection, sql, args)) {
                return statement.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(database + ": " + sql + " failed: " + e.getMessage(), e);
        }
    }

    public long undoLogRows(String database) {
        return count(database, "SELECT COUNT(*) FROM undo_log");
    }

    /** A checksum of every table of every service database: any insert, update or delete changes it. */
    public Map<String, Object> fingerprint() {
        Map<String, Object> sums = new LinkedHashMap<>();
        for (String database : Components.SERVICE_DATABASES) {
            for (Map<String, Object> table : query(database,
                    "SELECT table_name AS t FROM information_schema.tables WHERE table_schema = ? ORDER BY 1", database)) {
                String name = String.valueOf(table.get("t"));
                sums.put(database + "." + name, query(database, "CHECKSUM TABLE `" + name + "`").get(0).get("Checksum"));
            }
        }
        return sums;
    }

    private Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(settings.jdbcUrl(database), settings.dbUser(), settings.dbPassword());
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... args) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < args.length; i++) {
            statement.setObject(i + 1, args[i]);
        }
        return statement;
    }
}
