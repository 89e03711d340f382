package com.shop.pay.payment;

import java.math.BigDecimal;

/** A callback whose signature and timestamp were verified: the platform says this payment succeeded. */
public record PaymentCallback(long payId, long orderId, BigDecimal payAmount, String tradeNo) {
}
