package com.shop.pay.web;

import com.shop.api.payment.PaymentState;
import com.shop.pay.db.PaymentRecord;
import com.shop.support.web.Money;

/**
 * A payment as the REST contract shows it: ids and money as strings; {@code closed} once its order's
 * cancel closed it (it can no longer be paid).
 */
public record PaymentView(String payId, String orderId, String payAmount, boolean paid, boolean closed, String tradeNo) {

    static PaymentView of(PaymentRecord payment) {
        return new PaymentView(String.valueOf(payment.getPayId()), String.valueOf(payment.getOrderId()),
                Money.format(payment.getPayAmount()), payment.getIsPaid() == PaymentState.PAID,
                payment.getIsPaid() == PaymentState.CLOSED, payment.getTradeNo());
    }
}
