package com.shop.order.timeout;

import com.shop.order.checkout.Orders;
import com.shop.order.db.OrderRecord;
import com.shop.order.rpc.CouponProxy;
import com.shop.order.rpc.GoodsProxy;
import com.shop.order.rpc.PaymentProxy;
import com.shop.order.rpc.UserProxy;
import org.apache.seata.spring.annotation.GlobalTransactional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Cancel-order for an order whose payment did not come in time: one Seata AT global transaction
 * over five databases, mirroring confirm-order — claim the order → close the payment → restore
 * stock → release the coupon → refund the balance → mark it cancelled. As in checkout, any failure
 * rolls every branch back from the undo logs, and the order is as it was (a later delivery or the
 * sweep tries again).
 *
 * <p>Claiming the order first holds its row for the whole transaction: a second cancel of the same
 * order (a duplicate message, the sweep, another instance) waits for this one and then finds the order
 * cancelled, instead of reading the provider logs this one has not committed yet. Like the checkout's
 * order row, it is written twice, and the TC undoes the newest write first
 * (docs/stack-traps.md#22-the-20-tc-rolls-back-branches-in-registration-order). Closing the payment is
 * the arbiter against the payment: pay-app refuses when it is paid, and the whole cancel rolls back.
 * The cancel's fault points sit on the steps ({@code @FaultPoints} on {@link Orders} and the proxies).
 */
@Component
public class CancelOrder {

    private static final Logger log = LoggerFactory.getLogger(CancelOrder.class);

    private final Orders orders;
    private final PaymentProxy payments;
    private final GoodsProxy goods;
    private final CouponProxy coupons;
    private final UserProxy users;

    public CancelOrder(Orders orders, PaymentProxy payments, GoodsProxy goods, CouponProxy coupons, UserProxy users) {
        this.orders = orders;
        this.payments = payments;
        this.goods = goods;
        this.coupons = coupons;
        this.users = users;
    }

    /** True if this call cancelled the order; false if it was paid, cancelled already, or is unknown. */
    @GlobalTransactional(name = "cancel-order")
    public boolean cancelIfUnpaid(long orderId) {
        OrderRecord order = orders.find(orderId);
        if (order == null || !orders.claimForCancel(orderId)) {
            return false;
        }
        payments.close(orderId, order.getUserId(), order.getPayAmount());
        goods.restoreStock(orderId, order.getGoodsId(), order.getGoodsNumber());
        if (order.getCouponId() != null) {
            coupons.release(order.getCouponId(), orderId);
        }
        if (order.getMoneyPaid().signum() > 0) {
            users.refundBalance(order.getUserId(), orderId, order.getMoneyPaid());
        }
        orders.markCancelled(orderId);
        log.info("Order {} cancelled: not paid by {}; goods {} x{} back in stock, balance {} refunded", orderId,
                order.getPayDeadline(), order.getGoodsId(), order.getGoodsNumber(), order.getMoneyPaid());
        return true;
    }
}
