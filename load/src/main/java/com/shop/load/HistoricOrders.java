package com.shop.load;

import com.shop.api.order.OrderStatus;
import com.shop.api.order.PayStatus;
import com.shop.stack.StackSettings;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Orders of the past in {@code trade_order}, so a checkout can be measured against a table of a
 * production's size: confirmed and paid (nothing sweeps or cancels them), of many buyers, spread over
 * the past year, 19-digit ids in a range of their own ({@code 7…}, below the load fixtures' {@code 8…}).
 * Removed again at the end of the run.
 */
final class HistoricOrders implements AutoCloseable {

    private static final long FIRST_ID = 7_000_000_000_000_000_000L;
    private static final long LAST_ID = FIRST_ID + 99_999_999L;
    private static final int BATCH = 2000;
    private static final Pattern HISTORY_LIST = Pattern.compile("History list length (\\d+)");
    /** A history list this short is what a busy stack has anyway. */
    private static final long PURGED = 2000;
    /** Dirty pages that did not go down for this many half-second polls are not being written out. */
    private static final int STILL_POLLS = 6;

    private final Connection db;
    private long added;

    HistoricOrders(StackSettings settings) throws SQLException {
        db = LoadDatabases.connect(settings, "shop_order");
        added = count("SELECT COUNT(*) FROM trade_order WHERE order_id BETWEEN " + FIRST_ID + " AND " + LAST_ID);
    }

    /** Rows in trade_order now, of every kind. */
    long tableRows() throws SQLException {
        return count("SELECT COUNT(*) FROM trade_order");
    }

    /**
     * Adds or deletes historic orders until the table holds {@code rows} (as near as the other orders allow:
     * they stay), then waits until InnoDB has caught up with the change, so its background work does not run
     * into the next measurement (see {@link #awaitInnoDbCaughtUp}). Returns the historic orders added (negative: deleted).
     */
    long resizeTo(long rows) throws SQLException, InterruptedException {
        long others = tableRows() - added;
        long wanted = Math.max(0, rows - others);
        long change = wanted - added;
        if (change > 0) {
            insert(added, wanted);
        } else if (change < 0) {
            deleteFrom(FIRST_ID + wanted);
        }
        added = wanted;
        awaitInnoDbCaughtUp();
        return change;
    }

    private void insert(long from, long to) throws SQLException {
        db.setAutoCommit(false);
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO trade_order (order_id, request_id, user_id, "
                + "order_status, pay_status, address, consignee, goods_id, goods_number, goods_price, goods_amount, "
                + "shipping_fee, order_amount, money_paid, pay_amount, add_time, confirm_time, pay_time) VALUES "
                + "(?, ?, ?, " + OrderStatus.CONFIRMED.code() + ", " + PayStatus.PAID.code() + ", '1 History Lane', "
                + "'Past Buyer', ?, 1, 60.00, 60.00, 10.00, 70.00, 0.00, 70.00, "
                + "NOW() - INTERVAL ? MINUTE, NOW() - INTERVAL ? MINUTE, NOW() - INTERVAL ? MINUTE)")) {
            for (long n = from; n < to; n++) {
                long id = FIRST_ID + n;
                long minutesAgo = (n * 7919) % 525_600; // spread over a year, not in id order
                insert.setLong(1, id);
                insert.setString(2, "history-" + id);
                insert.setLong(3, FIRST_ID + (n * 104_729) % 50_000); // 50,000 past buyers
                insert.setLong(4, FIRST_ID + n % 5_000);
                insert.setLong(5, minutesAgo);
                insert.setLong(6, minutesAgo);
                insert.setLong(7, minutesAgo);
                insert.addBatch();
                if ((n - from + 1) % BATCH == 0) {
                    insert.executeBatch();
                    db.commit();
                }
            }
            insert.executeBatch();
            db.commit();
        } finally {
            db.setAutoCommit(true);
        }
    }

    private long deleteFrom(long firstDeleted) throws SQLException {
        long removed = 0;
        try (PreparedStatement delete = db.prepareStatement(
                "DELETE FROM trade_order WHERE order_id BETWEEN ? AND " + LAST_ID + " LIMIT 20000")) {
            delete.setLong(1, firstDeleted);
            int rows;
            do {
                rows = delete.executeUpdate();
                removed += rows;
            } while (rows > 0);
        }
        return removed;
    }

    /**
     * Until InnoDB has caught up with a large change, at most three minutes: its history list (undo the purge
     * thread has yet to clean) short again, and its dirty pages no longer being written out (an idle MariaDB
     * leaves a thousand or so dirty for good, so "none" would never come). Both are background work that
     * otherwise runs into the next round: right after a million rows were inserted or deleted, a round measured
     * a tenth to a quarter slower than the same size a round later.
     */
    private void awaitInnoDbCaughtUp() throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + 180_000_000_000L;
        long dirty = dirtyPages();
        int still = 0;
        while (System.nanoTime() < deadline) {
            Thread.sleep(500);
            long now = dirtyPages();
            still = now < dirty ? 0 : still + 1;
            dirty = Math.min(dirty, now);
            if (historyListLength() <= PURGED && still >= STILL_POLLS) {
                return;
            }
        }
    }

    private long dirtyPages() throws SQLException {
        try (ResultSet row = db.createStatement().executeQuery("SHOW GLOBAL STATUS LIKE 'Innodb_buffer_pool_pages_dirty'")) {
            return row.next() ? row.getLong(2) : 0;
        }
    }

    private long historyListLength() throws SQLException {
        try (ResultSet row = db.createStatement().executeQuery("SHOW ENGINE INNODB STATUS")) {
            row.next();
            Matcher length = HISTORY_LIST.matcher(row.getString("Status"));
            return length.find() ? Long.parseLong(length.group(1)) : 0;
        }
    }

    /**
     * Deletes the orders these buyers placed: the run's own checkouts, so that a size measured is the size
     * asked for rather than that plus the thousands of orders of the rounds before. Only orders the run
     * made, every one of them committed and paid; the load buyers are nobody else's.
     */
    long deleteOrdersOf(List<Long> buyers) throws SQLException, InterruptedException {
        long removed = 0;
        try (PreparedStatement delete = db.prepareStatement("DELETE FROM trade_order WHERE user_id = ? LIMIT 20000")) {
            for (long buyer : buyers) {
                delete.setLong(1, buyer);
                int rows;
                do {
                    rows = delete.executeUpdate();
                    removed += rows;
                } while (rows > 0);
            }
        }
        awaitInnoDbCaughtUp();
        return removed;
    }

    /** Deletes every historic order, in chunks, so the stack is left as the run found it. */
    long removeAll() throws SQLException {
        added = 0;
        return deleteFrom(FIRST_ID);
    }

    private long count(String sql) throws SQLException {
        try (ResultSet row = db.createStatement().executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    @Override
    public void close() throws SQLException {
        db.close();
    }
}
