package com.shop.pay.rpc;

import static com.shop.support.rpc.ProviderUnavailable.call;

import com.shop.api.order.OrderService;
import com.shop.api.order.OrderSummary;
import com.shop.support.rpc.ProviderUnavailable;
import org.apache.dubbo.config.annotation.DubboReference;
import org.springframework.stereotype.Component;

/** order-app as pay-app sees it; a call Dubbo could not complete comes back as {@link ProviderUnavailable}. */
@Component
public class OrderProxy {

    @DubboReference
    private OrderService orders;

    /** The order, or null if there is none. */
    public OrderSummary find(long orderId) {
        return call(() -> orders.findOrder(orderId));
    }
}
