package com.shop.load;

import com.shop.api.order.OrderStatus;
import com.shop.stack.StackSettings;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Goods and users of a load run, written straight into the stack's databases so that demo data is
 * untouched. Ids are 19 digits like production snowflake ids, above the demo data's and below the
 * tests', new on every run (room for 100,000 ids per run).
 */
final class Fixtures implements AutoCloseable {

    private final Connection goodsDb;
    private final Connection userDb;
    private final Connection orderDb;
    private long nextId = 8_000_000_000_000_000_000L + (System.currentTimeMillis() % 10_000_000_000L) * 100_000;

    Fixtures(StackSettings settings) throws SQLException {
        goodsDb = connect(settings, "shop_goods");
        userDb = connect(settings, "shop_user");
        orderDb = connect(settings, "shop_order");
    }

    long goods(int stock, BigDecimal price) throws SQLException {
        long id = nextId++;
        try (PreparedStatement insert = goodsDb.prepareStatement("INSERT INTO trade_goods "
                + "(goods_id, goods_name, goods_number, goods_price, add_time) VALUES (?, 'load goods', ?, ?, NOW())")) {
            insert.setLong(1, id);
            insert.setInt(2, stock);
            insert.setBigDecimal(3, price);
            insert.executeUpdate();
        }
        return id;
    }

    long user(BigDecimal balance) throws SQLException {
        long id = nextId++;
        try (PreparedStatement insert = userDb.prepareStatement("INSERT INTO trade_user "
                + "(user_id, user_name, user_reg_time, user_money) VALUES (?, 'load buyer', NOW(), ?)")) {
            insert.setLong(1, id);
            insert.setBigDecimal(2, balance);
            insert.executeUpdate();
        }
        return id;
    }

    long stockLeft(long goods) throws SQLException {
        return single(goodsDb, "SELECT goods_number FROM trade_goods WHERE goods_id = ?", goods);
    }

    /** Units of the goods in confirmed orders. */
    long unitsOrdered(long goods) throws SQLException {
        return single(orderDb, "SELECT COALESCE(SUM(goods_number), 0) FROM trade_order "
                + "WHERE goods_id = ? AND order_status = " + OrderStatus.CONFIRMED.code(), goods);
    }

    private static long single(Connection db, String sql, long id) throws SQLException {
        try (PreparedStatement query = db.prepareStatement(sql)) {
            query.setLong(1, id);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static Connection connect(StackSettings settings, String database) throws SQLException {
        return DriverManager.getConnection(settings.jdbcUrl(database), settings.dbUser(), settings.dbPassword());
    }

    @Override
    public void close() throws SQLException {
        try (goodsDb; userDb; orderDb) {
            // closes all three
        }
    }
}
