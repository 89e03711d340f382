package com.shop.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;

/**
 * Creates each database named by a folder of sql/ and applies its migrations with Flyway:
 * {@code sql/<database>/V*__*.sql}; for every service database also {@code sql/common/} (undo_log and
 * the AT probe table); plus {@code sql/demo/<database>/} when demo data is wanted.
 * Repeatable: applied migrations are skipped on the next start.
 */
public final class DatabaseMigrator {

    private static final List<String> DATABASES = Stream.concat(Stream.of(Components.SEATA_DATABASE),
            Components.SERVICE_DATABASES.stream()).toList();

    private final StackSettings settings;

    public DatabaseMigrator(StackSettings settings) {
        this.settings = settings;
    }

    public void migrateAll() throws SQLException {
        createDatabases();
        for (String database : DATABASES) {
            migrate(database);
        }
    }

    private void createDatabases() throws SQLException {
        try (Connection connection = DriverManager.getConnection(settings.jdbcUrl(""), settings.dbUser(),
                settings.dbPassword()); Statement statement = connection.createStatement()) {
            for (String database : DATABASES) {
                statement.execute("CREATE DATABASE IF NOT EXISTS `" + database
                        + "` DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci");
            }
        }
    }

    private void migrate(String database) {
        Path folder = settings.root().resolve("sql").resolve(database);
        List<String> locations = new ArrayList<>(List.of("filesystem:" + folder));
        if (!database.equals(Components.SEATA_DATABASE)) {
            locations.add("filesystem:" + settings.root().resolve("sql").resolve("common"));
        }
        Path demo = settings.root().resolve("sql").resolve("demo").resolve(database);
        if (settings.demoData() && Files.isDirectory(demo)) {
            locations.add("filesystem:" + demo);
        }
        Flyway.configure()
                .dataSource(settings.jdbcUrl(database), settings.dbUser(), settings.dbPassword())
                .locations(locations.toArray(String[]::new))
                // The demo folder is a separate location: a later start without demo data must not fail.
                .ignoreMigrationPatterns("*:missing")
                .load()
                .migrate();
    }
}
