package com.shop.api.order;

import com.shop.api.Coded;

/** Whether an order is paid. The codes are the source notes' {@code pay_status} values. */
public enum PayStatus implements Coded {
    UNPAID(0), PAYING(1), PAID(2);

    private final int code;

    PayStatus(int code) {
        this.code = code;
    }

    @Override
    public int code() {
        return code;
    }

    public static PayStatus ofCode(int code) {
        return Coded.ofCode(PayStatus.class, code);
    }
}
