package com.shop.order.checkout;

import com.shop.order.rpc.CouponProxy;
import com.shop.order.rpc.GoodsProxy;
import com.shop.order.rpc.UserProxy;
import com.shop.support.fault.FaultPoint;
import com.shop.support.fault.FaultPoints;
import com.shop.support.id.IdGenerator;
import org.apache.seata.core.context.RootContext;
import org.apache.seata.spring.annotation.GlobalTransactional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Confirm-order for a checked order: one Seata AT global transaction over four databases —
 * pre-order → reduce stock → use coupon → deduct balance → confirm (with its pay deadline, when
 * something is left to pay). Each provider's step is a branch that commits locally at once; if any
 * step fails, the TC undoes every committed branch from its undo_log. No compensation code here —
 * that is the point. The timeout is the client's default global-transaction timeout
 * (seata.client.tm.default-global-transaction-timeout).
 *
 * <p>The order's own two writes (pre-order, confirm) share one local transaction that spans the
 * provider calls, so they are one branch, not two: one registration and one lock check at the TC,
 * one undo_log row and one phase-2 commit fewer per checkout (docs/benchmarks.md). A failure before
 * the confirm rolls the order back locally and it never reaches the TC. The pre-order still comes
 * first: its unique request id stops a concurrent replay at once (the replay's insert waits on the
 * row until this transaction ends, then fails as a duplicate).
 */
@Component
public class ConfirmOrder {

    private static final Logger log = LoggerFactory.getLogger(ConfirmOrder.class);

    private final Orders orders;
    private final GoodsProxy goods;
    private final CouponProxy coupons;
    private final UserProxy users;
    private final IdGenerator ids;
    private final PaymentTimeouts paymentTimeouts;
    private final TransactionTemplate orderTransaction;

    public ConfirmOrder(Orders orders, GoodsProxy goods, CouponProxy coupons, UserProxy users, IdGenerator ids,
                        PaymentTimeouts paymentTimeouts, TransactionTemplate orderTransaction) {
        this.orders = orders;
        this.goods = goods;
        this.coupons = coupons;
        this.users = users;
        this.ids = ids;
        this.paymentTimeouts = paymentTimeouts;
        this.orderTransaction = orderTransaction;
    }

    // order.after-confirm: every branch is committed locally, the order's too; the global transaction is not yet.
    @GlobalTransactional(name = "confirm-order")
    @FaultPoints(after = FaultPoint.ORDER_AFTER_CONFIRM)
    public long confirm(PricedOrder order) {
        long orderId = orderTransaction.execute(status -> placeAndConfirm(order));
        log.info("Order {} confirmed: goods {} x{}, pay amount {}", orderId, order.request().goodsId(),
                order.request().goodsNumber(), order.payAmount());
        return orderId;
    }

    /**
     * The steps, inside the order database's local transaction (the order's one branch). Their fault
     * points sit on the steps themselves ({@code @FaultPoints} on {@link Orders} and the proxies).
     */
    private long placeAndConfirm(PricedOrder order) {
        PlaceOrder request = order.request();
        long orderId = ids.nextId();
        long userId = request.userId();

        orders.insertUnconfirmed(orderId, order, RootContext.getXID());
        goods.reduceStock(orderId, request.goodsId(), request.goodsNumber());
        if (order.usesCoupon()) {
            coupons.use(request.couponId(), userId, orderId);
        }
        if (order.usesBalance()) {
            users.deductBalance(userId, orderId, order.moneyPaid());
        }
        orders.confirm(orderId, order.payAmount().signum() == 0, paymentTimeouts.timeout());
        return orderId;
    }
}
