package com.shop.e2e.harness;

import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import com.shop.api.order.OrderStatus;
import com.shop.api.order.PayStatus;
import com.shop.api.payment.PaymentState;
import com.shop.stack.Components;
import com.shop.user.db.MoneyLogType;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The invariants of docs/design.md#invariants, read straight from the five databases (and the TC's
 * console). The starting stock and balances are captured when the stack starts (demo data) and
 * when a test creates its own rows.
 * A violation is described in words, so a failing test says which invariant broke and where.
 */
public final class Invariants {

    private final Databases db;
    private final SeataConsole console;
    private final Map<Long, Long> initialStock = new HashMap<>();
    private final Map<Long, BigDecimal> initialBalance = new HashMap<>();
    private final Map<Long, Long> initialScore = new HashMap<>();

    public Invariants(Databases db, SeataConsole console) {
        this.db = db;
        this.console = console;
    }

    /** Takes the current stock and balances as the starting point (a fresh stack, before any order). */
    public synchronized void captureStartingPoint() {
        for (Map<String, Object> goods : db.query("shop_goods", "SELECT goods_id, goods_number FROM trade_goods")) {
            initialStock.put(asLong(goods.get("goods_id")), asLong(goods.get("goods_number")));
        }
        for (Map<String, Object> user : db.query("shop_user", "SELECT user_id, user_money, user_score FROM trade_user")) {
            initialBalance.put(asLong(user.get("user_id")), (BigDecimal) user.get("user_money"));
            initialScore.put(asLong(user.get("user_id")), asLong(user.get("user_score")));
        }
    }

    public synchronized void recordGoods(long goodsId, long stock) {
        initialStock.put(goodsId, stock);
    }

    public synchronized void recordUser(long userId, BigDecimal balance, long score) {
        initialBalance.put(userId, balance);
        initialScore.put(userId, score);
    }

    /** Waits until traffic has settled and every invariant holds; fails with every violation left. */
    public void awaitHold(Duration atMost) {
        await("every invariant holds").atMost(atMost).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    List<String> violations = violations();
                    if (!violations.isEmpty()) {
                        fail("Invariants broken after " + atMost.toSeconds() + " s:\n  - "
                                + String.join("\n  - ", violations));
                    }
                });
    }

    public synchronized List<String> violations() {
        List<String> broken = new ArrayList<>();
        List<Map<String, Object>> orders = db.query("shop_order",
                "SELECT order_id, user_id, order_status, goods_id, goods_number, coupon_id, money_paid FROM trade_order");
        List<Map<String, Object>> live = orders.stream()
                .filter(o -> status(o).isLive()).toList();
        orders.stream().filter(o -> status(o) == OrderStatus.UNCONFIRMED)
                .forEach(o -> broken.add("order " + o.get("order_id") + " is still unconfirmed"));

        checkStock(live, broken);
        checkBalances(live, broken);
        checkCoupons(live, broken);
        checkPayments(broken);
        checkCancellations(broken);

        for (String database : Components.SERVICE_DATABASES) {
            long undo = db.undoLogRows(database);
            if (undo > 0) {
                broken.add(database + ".undo_log still holds " + undo + " row(s)");
            }
        }
        // Not waited for: rollbacks finished, which the TC ends on its own a few seconds later (checked as
        // long as they are not overdue).
        long sessions = console.globalSessions().stream().filter(s -> !console.finishedRollbackNotEndedYet(s)).count();
        if (sessions > 0) {
            broken.add("the TC still holds " + sessions + " global session(s)");
        }
        long locks = db.count(Components.SEATA_DATABASE, "SELECT COUNT(*) FROM lock_table");
        if (locks > 0) {
            broken.add("the TC still holds " + locks + " global row lock(s)");
        }
        return broken;
    }

    private void checkStock(List<Map<String, Object>> live, List<String> broken) {
        Map<Long, Long> ordered = new HashMap<>();
        live.forEach(o -> ordered.merge(asLong(o.get("goods_id")), asLong(o.get("goods_number")), Long::sum));
        for (Map<String, Object> goods : db.query("shop_goods", "SELECT goods_id, goods_number FROM trade_goods")) {
            long goodsId = asLong(goods.get("goods_id"));
            long stock = asLong(goods.get("goods_number"));
            if (stock < 0) {
                broken.add("stock of goods " + goodsId + " is negative: " + stock);
            }
            Long initial = initialStock.get(goodsId);
            long held = ordered.getOrDefault(goodsId, 0L);
            if (initial != null && initial != stock + held) {
                broken.add("stock of goods " + goodsId + ": initial " + initial + " != current " + stock
                        + " + live orders " + held);
            }
        }
        Map<Long, Long> reducedPerOrder = new HashMap<>();
        for (Map<String, Object> log : db.query("shop_goods", "SELECT order_id, SUM(goods_number) AS moved "
                + "FROM trade_goods_number_log GROUP BY order_id")) {
            reducedPerOrder.put(asLong(log.get("order_id")), -asLong(log.get("moved")));
        }
        for (Map<String, Object> order : live) {
            long orderId = asLong(order.get("order_id"));
            long expected = asLong(order.get("goods_number"));
            if (reducedPerOrder.getOrDefault(orderId, 0L) != expected) {
                broken.add("stock log of live order " + orderId + " moved " + reducedPerOrder.get(orderId)
                        + ", expected " + expected);
            }
            reducedPerOrder.remove(orderId);
        }
        reducedPerOrder.forEach((orderId, moved) -> {
            if (moved != 0) {
                broken.add("stock log holds " + moved + " unit(s) for order " + orderId + ", which is not live");
            }
        });
    }

    private void checkBalances(List<Map<String, Object>> live, List<String> broken) {
        Map<Long, BigDecimal> spent = new HashMap<>();
        live.forEach(o -> spent.merge(asLong(o.get("user_id")), (BigDecimal) o.get("money_paid"), BigDecimal::add));
        for (Map<String, Object> user : db.query("shop_user", "SELECT user_id, user_money FROM trade_user")) {
            long userId = asLong(user.get("user_id"));
            BigDecimal balance = (BigDecimal) user.get("user_money");
            if (balance.signum() < 0) {
                broken.add("balance of user " + userId + " is negative: " + balance);
            }
            BigDecimal initial = initialBalance.get(userId);
            BigDecimal held = spent.getOrDefault(userId, BigDecimal.ZERO);
            if (initial != null && initial.compareTo(balance.add(held)) != 0) {
                broken.add("balance of user " + userId + ": initial " + initial + " != current " + balance
                        + " + used by live orders " + held);
            }
        }
        Map<Long, BigDecimal> netPerOrder = new HashMap<>();
        for (Map<String, Object> log : db.query("shop_user", "SELECT order_id, money_log_type, use_money "
                + "FROM trade_user_money_log")) {
            BigDecimal amount = (BigDecimal) log.get("use_money");
            netPerOrder.merge(asLong(log.get("order_id")),
                    ((Number) log.get("money_log_type")).intValue() == MoneyLogType.PAID.code() ? amount : amount.negate(), BigDecimal::add);
        }
        for (Map<String, Object> order : live) {
            long orderId = asLong(order.get("order_id"));
            BigDecimal expected = (BigDecimal) order.get("money_paid");
            BigDecimal logged = netPerOrder.getOrDefault(orderId, BigDecimal.ZERO);
            if (logged.compareTo(expected) != 0) {
                broken.add("money log of live order " + orderId + " holds " + logged + ", expected " + expected);
            }
            netPerOrder.remove(orderId);
        }
        netPerOrder.forEach((orderId, net) -> {
            if (net.signum() != 0) {
                broken.add("money log holds " + net + " for order " + orderId + ", which is not live");
            }
        });
    }

    private void checkCoupons(List<Map<String, Object>> live, List<String> broken) {
        Map<Long, List<Long>> holders = new HashMap<>();
        live.stream().filter(o -> o.get("coupon_id") != null).forEach(o -> holders
                .computeIfAbsent(asLong(o.get("coupon_id")), k -> new ArrayList<>()).add(asLong(o.get("order_id"))));
        for (Map<String, Object> coupon : db.query("shop_coupon", "SELECT coupon_id, is_used, order_id FROM trade_coupon")) {
            long couponId = asLong(coupon.get("coupon_id"));
            boolean used = ((Number) coupon.get("is_used")).intValue() == 1;
            List<Long> heldBy = holders.getOrDefault(couponId, List.of());
            if (heldBy.size() > 1) {
                broken.add("coupon " + couponId + " is held by " + heldBy.size() + " live orders " + heldBy);
            } else if (used != (heldBy.size() == 1)) {
                broken.add("coupon " + couponId + " is " + (used ? "used" : "unused") + " but held by live orders "
                        + heldBy);
            } else if (used && !Objects.equals(asLong(coupon.get("order_id")), heldBy.get(0))) {
                broken.add("coupon " + couponId + " names order " + coupon.get("order_id") + " but live order "
                        + heldBy.get(0) + " holds it");
            }
        }
    }

    /**
     * Every paid payment: its order paid, one pay log, one points grant, nothing left in the outbox;
     * every user's points = starting points + one per whole yuan of their paid payments.
     */
    private void checkPayments(List<String> broken) {
        Map<Long, Long> earned = new HashMap<>();
        for (Map<String, Object> payment : db.query("shop_pay", "SELECT p.pay_id, p.order_id, p.user_id, p.pay_amount, "
                + "(SELECT COUNT(*) FROM trade_pay_log l WHERE l.pay_id = p.pay_id) AS logs FROM trade_pay p WHERE p.is_paid = ?", PaymentState.PAID.code())) {
            long payId = asLong(payment.get("pay_id"));
            long orderId = asLong(payment.get("order_id"));
            earned.merge(asLong(payment.get("user_id")),
                    ((BigDecimal) payment.get("pay_amount")).setScale(0, java.math.RoundingMode.DOWN).longValue(), Long::sum);
            if (asLong(payment.get("logs")) != 1) {
                broken.add("paid payment " + payId + " has " + payment.get("logs") + " pay log row(s), expected 1");
            }
            if (db.count("shop_order", "SELECT COUNT(*) FROM trade_order WHERE order_id = ? AND pay_status = ?", orderId,
                    PayStatus.PAID.code()) != 1) {
                broken.add("payment " + payId + " is paid but order " + orderId + " is not");
            }
            if (db.count("shop_user", "SELECT COUNT(*) FROM trade_mq_consumer_log WHERE group_name = 'user-app-pay-success' "
                    + "AND msg_key = ? AND consumer_status = 1", String.valueOf(payId)) != 1) {
                broken.add("paid payment " + payId + " has no points grant");
            }
        }
        long orphanLogs = db.count("shop_pay", "SELECT COUNT(*) FROM trade_pay_log l WHERE NOT EXISTS "
                + "(SELECT 1 FROM trade_pay p WHERE p.pay_id = l.pay_id AND p.is_paid = ?)", PaymentState.PAID.code());
        if (orphanLogs > 0) {
            broken.add(orphanLogs + " pay log row(s) without a paid payment");
        }
        long outbox = db.count("shop_pay", "SELECT COUNT(*) FROM trade_mq_producer_temp");
        if (outbox > 0) {
            broken.add("the outbox still holds " + outbox + " message(s)");
        }
        for (Map<String, Object> user : db.query("shop_user", "SELECT user_id, user_score FROM trade_user")) {
            long userId = asLong(user.get("user_id"));
            Long initial = initialScore.get(userId);
            long score = asLong(user.get("user_score"));
            long expected = initial == null ? score : initial + earned.getOrDefault(userId, 0L);
            if (score != expected) {
                broken.add("points of user " + userId + ": " + score + ", expected " + expected
                        + " (starting points + one per whole yuan paid)");
            }
        }
    }

    /**
     * One winner between payment and cancel: a cancelled order has no paid payment, a closed payment
     * belongs to a cancelled order, and every refund due is for a closed payment, of its amount, once.
     */
    private void checkCancellations(List<String> broken) {
        for (Map<String, Object> payment : db.query("shop_pay", "SELECT pay_id, order_id, is_paid FROM trade_pay "
                + "WHERE is_paid IN (?, ?)", PaymentState.PAID.code(), PaymentState.CLOSED.code())) {
            long orderId = asLong(payment.get("order_id"));
            boolean cancelled = db.count("shop_order", "SELECT COUNT(*) FROM trade_order WHERE order_id = ? "
                    + "AND order_status = ?", orderId, OrderStatus.CANCELLED.code()) == 1;
            boolean closed = PaymentState.ofCode(((Number) payment.get("is_paid")).intValue()) == PaymentState.CLOSED;
            if (cancelled != closed) {
                broken.add("payment " + payment.get("pay_id") + " is " + (closed ? "closed" : "paid") + " but order "
                        + orderId + (cancelled ? " is cancelled" : " is not cancelled"));
            }
        }
        long unowed = db.count("shop_pay", "SELECT COUNT(*) FROM trade_refund_due r WHERE NOT EXISTS (SELECT 1 FROM "
                + "trade_pay p WHERE p.pay_id = r.pay_id AND p.is_paid = ? AND p.pay_amount = r.pay_amount)",
                PaymentState.CLOSED.code());
        if (unowed > 0) {
            broken.add(unowed + " refund(s) due without a closed payment of that amount");
        }
    }

    private static OrderStatus status(Map<String, Object> order) {
        return OrderStatus.ofCode(((Number) order.get("order_status")).intValue());
    }

    private static Long asLong(Object value) {
        return value == null ? null : ((Number) value).longValue();
    }
}
