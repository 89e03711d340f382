package com.shop.api.payment;

import com.shop.api.Coded;

/**
 * Where a payment is: open (not paid yet), paid by the platform's callback, or closed for good by its
 * order's cancel. The codes are {@code trade_pay.is_paid}'s values.
 */
public enum PaymentState implements Coded {
    NOT_PAID(1), PAID(2), CLOSED(3);

    private final int code;

    PaymentState(int code) {
        this.code = code;
    }

    @Override
    public int code() {
        return code;
    }

    public static PaymentState ofCode(int code) {
        return Coded.ofCode(PaymentState.class, code);
    }
}
