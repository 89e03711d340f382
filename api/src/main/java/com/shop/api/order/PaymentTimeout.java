package com.shop.api.order;

/**
 * The delayed message order-app sends itself when a confirmed order is left to pay: on {@link #TOPIC},
 * message key the order id, delivered at the order's pay deadline. JSON on the wire, ids as strings;
 * {@code deadline} is an ISO-8601 instant. In {@code api/} because the broker's topics are created from
 * the contracts.
 */
public record PaymentTimeout(String orderId, String deadline) {

    public static final String TOPIC = "shop-order-timeout";

    public long orderIdValue() {
        return Long.parseLong(orderId);
    }
}
