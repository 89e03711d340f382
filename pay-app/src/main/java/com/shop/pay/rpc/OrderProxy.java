package com.shop.pay.rpc;

import com.shop.api.order.OrderService;
import com.shop.api.order.OrderSummary;
import org.apache.dubbo.config.annotation.DubboReference;
import org.springframework.stereotype.Component;

/** order-app as pay-app sees it. */
@Component
public class OrderProxy {

    @DubboReference
    private OrderService orders;

    /** The order, or null if there is none. */
    public OrderSummary find(long orderId) {
        return orders.findOrder(orderId);
    }
}
