package com.shop.api.order;

/** order-app over Dubbo, for the services that act on an order after checkout. */
public interface OrderService {

    /** The order, or null if there is none with this id. */
    OrderSummary findOrder(long orderId);
}
