package com.shop.e2e.chaos;

import com.shop.api.order.OrderStatus;
import com.shop.api.order.PayStatus;
import com.shop.e2e.harness.Databases;
import com.shop.stack.Components;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The invariants that must hold at every instant, even with global transactions in flight and
 * processes dying, checked every few seconds while the soak runs. The full invariants of
 * docs/design.md#invariants (stock and balance conservation, one live holder per coupon…) only hold
 * once in-flight transactions have settled — a rollback undoes one branch after another — so the soak
 * checks those at its quiet checkpoints. Two kinds of check here:
 *
 * <ul>
 *   <li>never, not even for an instant: negative stock or balance, an order both paid and cancelled,
 *       a payment logged twice;</li>
 *   <li>never for long: a global session, a global row lock, an undo_log row or an unconfirmed order
 *       older than any fault of the soak can explain, and an unpaid order kept long past its deadline.</li>
 * </ul>
 * Each broken subject is reported once, as an anomaly.
 */
final class InvariantWatch {

    /** Longer than the 10 s global timeout plus a restart of the TC and every retry: stuck, not slow. */
    static final Duration STUCK_AFTER = Duration.ofSeconds(120);
    /** The orphan sweep deletes an undo_log row a crash left behind once it is 60 s old; twice that plus a restart. */
    static final Duration UNDO_STUCK_AFTER = Duration.ofSeconds(180);

    private final Databases db;
    private final SoakLog log;
    private final Duration overdueAfter;
    private final Set<String> reported = ConcurrentHashMap.newKeySet();

    /** {@code overdueAfter}: how long past its deadline an unpaid order may still be waiting for its cancel. */
    InvariantWatch(Databases db, SoakLog log, Duration overdueAfter) {
        this.db = db;
        this.log = log;
        this.overdueAfter = overdueAfter;
    }

    /** Runs every check once; a check that cannot run (a query failing) is reported as such. */
    void checkNow() {
        try {
            never();
            neverForLong();
        } catch (RuntimeException e) {
            report("check-failed " + e.getMessage(), "an invariant check could not run: " + e.getMessage());
        }
    }

    private void never() {
        for (Map<String, Object> row : db.query("shop_goods", "SELECT goods_id, goods_number FROM trade_goods WHERE goods_number < 0")) {
            report("stock " + row.get("goods_id"), "stock of goods " + row.get("goods_id") + " went negative: " + row.get("goods_number"));
        }
        for (Map<String, Object> row : db.query("shop_user", "SELECT user_id, user_money FROM trade_user WHERE user_money < 0")) {
            report("balance " + row.get("user_id"), "balance of user " + row.get("user_id") + " went negative: " + row.get("user_money"));
        }
        for (Map<String, Object> row : db.query("shop_order", "SELECT order_id FROM trade_order WHERE pay_status = ? "
                + "AND order_status = ?", PayStatus.PAID.code(), OrderStatus.CANCELLED.code())) {
            report("paid-and-cancelled " + row.get("order_id"), "order " + row.get("order_id") + " is both paid and cancelled");
        }
        for (Map<String, Object> row : db.query("shop_pay", "SELECT pay_id, COUNT(*) AS logs FROM trade_pay_log "
                + "GROUP BY pay_id HAVING COUNT(*) > 1")) {
            report("pay-logs " + row.get("pay_id"), "payment " + row.get("pay_id") + " has " + row.get("logs") + " pay log rows");
        }
    }

    private void neverForLong() {
        long stuck = STUCK_AFTER.toSeconds();
        for (Map<String, Object> row : db.query(Components.SEATA_DATABASE, "SELECT xid, status, "
                + "TIMESTAMPDIFF(SECOND, gmt_create, NOW()) AS age FROM global_table WHERE gmt_create < NOW() - INTERVAL ? SECOND",
                stuck)) {
            report("session " + row.get("xid"), "global session " + row.get("xid") + " (status " + row.get("status")
                    + ") still in the TC after " + row.get("age") + " s");
        }
        for (Map<String, Object> row : db.query(Components.SEATA_DATABASE, "SELECT xid, row_key, "
                + "TIMESTAMPDIFF(SECOND, gmt_create, NOW()) AS age FROM lock_table WHERE gmt_create < NOW() - INTERVAL ? SECOND",
                stuck)) {
            report("lock " + row.get("row_key"), "global row lock " + row.get("row_key") + " of " + row.get("xid")
                    + " still held after " + row.get("age") + " s");
        }
        for (String database : Components.SERVICE_DATABASES) {
            for (Map<String, Object> row : db.query(database, "SELECT xid, branch_id, TIMESTAMPDIFF(SECOND, log_created, NOW(6)) "
                    + "AS age FROM undo_log WHERE log_created < NOW(6) - INTERVAL ? SECOND", UNDO_STUCK_AFTER.toSeconds())) {
                report("undo " + database + " " + row.get("branch_id"), database + ".undo_log row of " + row.get("xid")
                        + " still there after " + row.get("age") + " s");
            }
        }
        for (Map<String, Object> row : db.query("shop_order", "SELECT order_id, TIMESTAMPDIFF(SECOND, add_time, NOW()) AS age "
                + "FROM trade_order WHERE order_status = ? AND add_time < NOW() - INTERVAL ? SECOND",
                OrderStatus.UNCONFIRMED.code(), stuck)) {
            report("unconfirmed " + row.get("order_id"), "order " + row.get("order_id") + " still unconfirmed after "
                    + row.get("age") + " s");
        }
        for (Map<String, Object> row : db.query("shop_order", "SELECT order_id, TIMESTAMPDIFF(SECOND, pay_deadline, NOW()) AS late "
                + "FROM trade_order WHERE order_status = ? AND pay_status <> ? AND pay_deadline < NOW() - INTERVAL ? SECOND",
                OrderStatus.CONFIRMED.code(), PayStatus.PAID.code(), overdueAfter.toSeconds())) {
            report("overdue " + row.get("order_id"), "order " + row.get("order_id") + " unpaid and not cancelled "
                    + row.get("late") + " s after its payment deadline");
        }
    }

    private void report(String subject, String what) {
        if (reported.add(subject)) {
            log.anomaly(what);
        }
    }
}
