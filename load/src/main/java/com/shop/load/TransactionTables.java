package com.shop.load;

import com.shop.stack.StackSettings;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows Seata AT keeps while global transactions are under way: each service database's
 * {@code undo_log} (before and after images, deleted once the TC commits the branch) and the TC's
 * {@code global_table}, {@code branch_table} and {@code lock_table}. Between transactions they must
 * be empty; rows that stay are a leak (an undo log never deleted, a lock never released).
 */
final class TransactionTables {

    private static final List<String> SERVICE_DATABASES = List.of("shop_order", "shop_goods", "shop_user", "shop_coupon", "shop_pay");
    private static final List<String> TC_TABLES = List.of("global_table", "branch_table", "lock_table");

    private final StackSettings settings;

    TransactionTables(StackSettings settings) {
        this.settings = settings;
    }

    /** "shop_order.undo_log" → rows, for every table, in a stable order. */
    Map<String, Long> rows() throws SQLException {
        Map<String, Long> rows = new LinkedHashMap<>();
        for (String database : SERVICE_DATABASES) {
            rows.put(database + ".undo_log", count(database, "undo_log"));
        }
        for (String table : TC_TABLES) {
            rows.put("seata." + table, count("seata", table));
        }
        return rows;
    }

    private long count(String database, String table) throws SQLException {
        try (Connection db = LoadDatabases.connect(settings, database);
             ResultSet row = db.createStatement().executeQuery("SELECT COUNT(*) FROM " + table)) {
            row.next();
            return row.getLong(1);
        }
    }
}
