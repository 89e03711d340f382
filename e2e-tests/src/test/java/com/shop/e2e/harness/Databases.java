package com.shop.e2e.harness;

import com.shop.stack.StackSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Reads the five databases straight, as the tests' source of truth. */
public final class Databases {

    private final StackSettings settings;

    public Databases(StackSettings settings) {
        this.settings = settings;
    }

    public long count(String database, String sql, Object... args) {
        try (Connection connection = DriverManager.getConnection(settings.jdbcUrl(database), settings.dbUser(),
                settings.dbPassword()); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(database + ": " + sql + " failed: " + e.getMessage(), e);
        }
    }

    public long undoLogRows(String database) {
        return count(database, "SELECT COUNT(*) FROM undo_log");
    }
}
