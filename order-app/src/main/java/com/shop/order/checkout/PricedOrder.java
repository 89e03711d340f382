package com.shop.order.checkout;

import java.math.BigDecimal;

/** A checkout that passed every check, with the amounts the shop computed (docs/design.md#checks). */
public record PricedOrder(PlaceOrder request, BigDecimal goodsAmount, BigDecimal shippingFee,
                          BigDecimal orderAmount, BigDecimal couponPaid, BigDecimal moneyPaid, BigDecimal payAmount) {

    public boolean usesCoupon() {
        return request.couponId() != null;
    }

    public boolean usesBalance() {
        return moneyPaid.signum() > 0;
    }
}
