package com.shop.order.rpc;

import com.shop.api.order.OrderService;
import com.shop.api.order.OrderSummary;
import com.shop.order.checkout.Orders;
import com.shop.order.db.OrderRecord;
import org.apache.dubbo.config.annotation.DubboService;

/** The Dubbo face of order-app, for pay-app. */
@DubboService
public class OrderProvider implements OrderService {

    private final Orders orders;

    public OrderProvider(Orders orders) {
        this.orders = orders;
    }

    @Override
    public OrderSummary findOrder(long orderId) {
        OrderRecord order = orders.find(orderId);
        return order == null ? null : new OrderSummary(order.getOrderId(), order.getUserId(),
                order.getOrderStatus(), order.getPayStatus(), order.getPayAmount());
    }
}
