package com.shop.api.payment;

import java.math.BigDecimal;

/**
 * The pay-success broadcast: sent by pay-app once a payment is marked paid, on {@link #TOPIC} with the
 * pay id as message key (what every consumer de-duplicates on). JSON on the wire; ids and money are
 * strings there, as in the REST contract; {@code paidAt} is an ISO-8601 instant.
 */
public record PaymentSucceeded(String payId, String orderId, String userId, String payAmount, String tradeNo,
                               String paidAt) {

    public static final String TOPIC = "shop-pay-success";

    public long payIdValue() {
        return Long.parseLong(payId);
    }

    public long orderIdValue() {
        return Long.parseLong(orderId);
    }

    public long userIdValue() {
        return Long.parseLong(userId);
    }

    public BigDecimal payAmountValue() {
        return new BigDecimal(payAmount);
    }
}
