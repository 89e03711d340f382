package com.shop.order.checkout;

import java.math.BigDecimal;

/** A checkout request after syntactic validation: ids parsed, money as decimals. */
public record PlaceOrder(String requestId, long userId, long goodsId, int goodsNumber, BigDecimal goodsPrice,
                         BigDecimal shippingFee, BigDecimal orderAmount, Long couponId, BigDecimal moneyPaid,
                         String address, String consignee) {
}
