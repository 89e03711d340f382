package com.shop.load;

import com.shop.api.order.OrderStatus;
import com.shop.stack.StackSettings;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Goods, users and unpaid orders of a load run, written straight into the stack's databases so that
 * demo data is untouched. Ids are 19 digits like production snowflake ids, above the demo data's and
 * below the tests', new on every run (room for {@value #IDS_PER_RUN} ids per run).
 */
final class Fixtures implements AutoCloseable {

    private static final int IDS_PER_RUN = 100_000;
    private static final int BATCH = 1000;

    private final Connection goodsDb;
    private final Connection userDb;
    private final Connection orderDb;
    private final Connection payDb;
    private final long firstId = 8_000_000_000_000_000_000L + (System.currentTimeMillis() % 10_000_000_000L) * IDS_PER_RUN;
    private long nextId = firstId;

    Fixtures(StackSettings settings) throws SQLException {
        goodsDb = LoadDatabases.connect(settings, "shop_goods");
        userDb = LoadDatabases.connect(settings, "shop_user");
        orderDb = LoadDatabases.connect(settings, "shop_order");
        payDb = LoadDatabases.connect(settings, "shop_pay");
    }

    /**
     * Buyers with a confirmed order each, unpaid, and its open payment, as a buyer who chose to pay
     * online leaves them: what a success callback pays. No goods behind the orders (paying reads
     * neither goods nor stock). Ids of payment i: user {@code first + 3i}, order {@code +1}, payment {@code +2}.
     */
    LoadPlan.UnpaidOrders unpaidOrders(int count, BigDecimal amount) throws SQLException {
        long first = reserve(3L * count);
        LoadPlan.UnpaidOrders orders = new LoadPlan.UnpaidOrders(first, count, amount);
        insertAll(userDb, "INSERT INTO trade_user (user_id, user_name, user_reg_time, user_money) "
                + "VALUES (?, 'load payer', NOW(), 0.00)", count, (row, i) -> row.setLong(1, orders.user(i)));
        insertAll(orderDb, "INSERT INTO trade_order (order_id, request_id, user_id, order_status, pay_status, address, "
                + "consignee, goods_id, goods_number, goods_price, goods_amount, shipping_fee, order_amount, pay_amount, "
                + "add_time, confirm_time) VALUES (?, ?, ?, " + OrderStatus.CONFIRMED.code() + ", 0, '1 Load Street', "
                + "'Load Payer', ?, 1, ?, ?, 0.00, ?, ?, NOW(), NOW())", count, (row, i) -> {
                    row.setLong(1, orders.order(i));
                    row.setString(2, "load-" + orders.order(i));
                    row.setLong(3, orders.user(i));
                    row.setLong(4, first);
                    for (int column = 5; column <= 8; column++) {
                        row.setBigDecimal(column, amount);
                    }
                });
        insertAll(payDb, "INSERT INTO trade_pay (pay_id, order_id, user_id, pay_amount, is_paid, open_order_id, create_time) "
                + "VALUES (?, ?, ?, ?, 1, ?, NOW())", count, (row, i) -> {
                    row.setLong(1, orders.pay(i));
                    row.setLong(2, orders.order(i));
                    row.setLong(3, orders.user(i));
                    row.setBigDecimal(4, amount);
                    row.setLong(5, orders.order(i));
                });
        return orders;
    }

    private interface RowBinder {
        void bind(PreparedStatement row, int index) throws SQLException;
    }

    /** One transaction, batched; the driver rewrites each batch into multi-row INSERTs. */
    private static void insertAll(Connection db, String sql, int count, RowBinder binder) throws SQLException {
        db.setAutoCommit(false);
        try (PreparedStatement insert = db.prepareStatement(sql)) {
            for (int i = 0; i < count; i++) {
                binder.bind(insert, i);
                insert.addBatch();
                if ((i + 1) % BATCH == 0) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
            db.commit();
        } finally {
            db.setAutoCommit(true);
        }
    }

    private long reserve(long count) {
        if (nextId + count > firstId + IDS_PER_RUN) {
            throw new IllegalArgumentException("a load run has room for " + IDS_PER_RUN + " ids; this one asks for more "
                    + "(fewer callbacks, or a shorter run)");
        }
        long first = nextId;
        nextId += count;
        return first;
    }

    long goods(int stock, BigDecimal price) throws SQLException {
        long id = reserve(1);
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
        long id = reserve(1);
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

    @Override
    public void close() throws SQLException {
        try (goodsDb; userDb; orderDb; payDb) {
            // closes all four
        }
    }
}
