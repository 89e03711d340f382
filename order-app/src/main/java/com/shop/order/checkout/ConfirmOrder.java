package com.shop.order.checkout;

import org.apache.seata.spring.annotation.GlobalTransactional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Confirm-order for a checked order: one Seata AT global transaction over four databases, its steps
 * in {@link OrderBranch} — pre-order → reduce stock → use coupon → deduct balance → confirm. Each
 * provider's step is a branch that commits locally at once; if any step fails, the TC undoes every
 * committed branch from its undo_log. No compensation code here — that is the point. The timeout is
 * the client's default global-transaction timeout ({@code client.tm.defaultGlobalTransactionTimeout} in
 * Nacos's SEATA_GROUP/seataClient.properties).
 *
 * <p>The order's own two writes (pre-order, confirm) share one local transaction that spans the
 * provider calls, so they are one branch, not two: one registration and one lock check at the TC,
 * one undo_log row and one phase-2 commit fewer per checkout (docs/benchmarks.md).
 */
@Component
public class ConfirmOrder {

    private static final Logger log = LoggerFactory.getLogger(ConfirmOrder.class);

    private final OrderBranch orderBranch;

    public ConfirmOrder(OrderBranch orderBranch) {
        this.orderBranch = orderBranch;
    }

    @GlobalTransactional(name = "confirm-order")
    public long confirm(PricedOrder order) {
        long orderId = orderBranch.placeAndConfirm(order);
        log.info("Order {} confirmed: goods {} x{}, pay amount {}", orderId, order.request().goodsId(),
                order.request().goodsNumber(), order.payAmount());
        return orderId;
    }
}
