package com.shop.order.checkout;

import com.shop.order.rpc.CouponProxy;
import com.shop.order.rpc.GoodsProxy;
import com.shop.order.rpc.UserProxy;
import com.shop.support.fault.FaultPoint;
import com.shop.support.fault.FaultPoints;
import com.shop.support.id.IdGenerator;
import org.apache.seata.core.context.RootContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The steps of confirm-order, inside the order database's local transaction — the order's one branch
 * of the global transaction ({@link ConfirmOrder}): pre-order → reduce stock → use coupon → deduct
 * balance → confirm (with its pay deadline, when something is left to pay). Each provider's step is a
 * branch of its own that commits at once; the order's two writes commit together when this returns.
 *
 * <p>The pre-order comes first: its unique request id stops a concurrent replay at once (the replay's
 * insert waits on the row until this transaction ends, then fails as a duplicate). A failure before the
 * confirm rolls the order back locally, and it never reaches the TC.
 *
 * <p>A bean of its own so that {@code order.after-confirm} fires when this local transaction has
 * committed and the global one has not: the fault point sits just outside the transaction advice here,
 * and inside Seata's global-transaction advice, which wraps {@link ConfirmOrder#confirm}. The steps'
 * own fault points sit on the steps ({@code @FaultPoints} on {@link Orders} and the proxies).
 */
@Component
public class OrderBranch {

    private final Orders orders;
    private final GoodsProxy goods;
    private final CouponProxy coupons;
    private final UserProxy users;
    private final IdGenerator ids;
    private final PaymentTimeouts paymentTimeouts;

    public OrderBranch(Orders orders, GoodsProxy goods, CouponProxy coupons, UserProxy users, IdGenerator ids,
                       PaymentTimeouts paymentTimeouts) {
        this.orders = orders;
        this.goods = goods;
        this.coupons = coupons;
        this.users = users;
        this.ids = ids;
        this.paymentTimeouts = paymentTimeouts;
    }

    /** The confirmed order's id; every branch, this one included, committed locally when it returns. */
    @Transactional
    @FaultPoints(after = FaultPoint.ORDER_AFTER_CONFIRM)
    public long placeAndConfirm(PricedOrder order) {
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
