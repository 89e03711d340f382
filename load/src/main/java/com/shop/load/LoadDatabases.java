package com.shop.load;

import com.shop.stack.StackSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** The one way the load driver opens a connection to one of the stack's databases. */
final class LoadDatabases {

    private LoadDatabases() {
    }

    /** Batches are rewritten into multi-row INSERTs (seeding thousands of rows in well under a second); single statements are unaffected. */
    static Connection connect(StackSettings settings, String database) throws SQLException {
        return DriverManager.getConnection(settings.jdbcUrl(database) + "&rewriteBatchedStatements=true",
                settings.dbUser(), settings.dbPassword());
    }
}
