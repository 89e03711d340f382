package com.shop.support.fault;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Every place where a fault can be armed, named {@code <service>.<when>}: on the order side around
 * each checkout step, and in each provider before and after its local work (after = after the
 * local branch committed, which is what a TC-driven rollback has to undo); in the pay-success
 * consumers before their effect; in the payment callback between its commit and the send.
 */
public enum FaultPoint {
    ORDER_AFTER_PRE_ORDER("order.after-pre-order"),
    ORDER_AFTER_STOCK("order.after-stock"),
    ORDER_AFTER_COUPON("order.after-coupon"),
    ORDER_AFTER_BALANCE("order.after-balance"),
    ORDER_BEFORE_CONFIRM("order.before-confirm"),
    // After every branch committed locally (the order's too), before the global commit: rollback is all undo_log.
    ORDER_AFTER_CONFIRM("order.after-confirm"),
    GOODS_BEFORE_REDUCE_STOCK("goods.before-reduce-stock"),
    GOODS_AFTER_REDUCE_STOCK("goods.after-reduce-stock"),
    COUPON_BEFORE_USE("coupon.before-use"),
    COUPON_AFTER_USE("coupon.after-use"),
    USER_BEFORE_DEDUCT("user.before-deduct"),
    USER_AFTER_DEDUCT("user.after-deduct"),
    // The order timeout: its message not sent (a THROW loses it; the sweep must catch the order), and the cancel's
    // global transaction between its steps (order side) and after each provider's local branch committed.
    ORDER_BEFORE_SCHEDULE_TIMEOUT("order.before-schedule-timeout"),
    ORDER_CANCEL_AFTER_CLAIM("order.cancel-after-claim"),
    ORDER_CANCEL_AFTER_CLOSE_PAYMENT("order.cancel-after-close-payment"),
    ORDER_CANCEL_AFTER_STOCK("order.cancel-after-stock"),
    ORDER_CANCEL_AFTER_COUPON("order.cancel-after-coupon"),
    ORDER_CANCEL_AFTER_REFUND("order.cancel-after-refund"),
    PAY_AFTER_CLOSE_PAYMENT("pay.after-close-payment"),
    GOODS_AFTER_RESTORE_STOCK("goods.after-restore-stock"),
    COUPON_AFTER_RELEASE("coupon.after-release"),
    USER_AFTER_REFUND("user.after-refund"),
    // Message consumers: inside the consumer's local transaction, before its effect (a THROW is a failed attempt).
    ORDER_BEFORE_MARK_PAID("order.before-mark-paid"),
    USER_BEFORE_GRANT_POINTS("user.before-grant-points"),
    PAY_BEFORE_PAY_LOG("pay.before-pay-log"),
    // The payment callback: its local transaction (payment paid + outbox row) committed, the event not yet sent.
    PAY_AFTER_CALLBACK_COMMIT("pay.after-callback-commit");

    private final String id;

    FaultPoint(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** The service a point lives in: {@code goods} for {@code goods.after-reduce-stock}. */
    public String service() {
        return id.substring(0, id.indexOf('.'));
    }

    public static Optional<FaultPoint> byId(String id) {
        return Arrays.stream(values()).filter(p -> p.id.equals(id)).findFirst();
    }

    public static List<FaultPoint> of(String service) {
        return Arrays.stream(values()).filter(p -> p.service().equals(service)).toList();
    }
}
