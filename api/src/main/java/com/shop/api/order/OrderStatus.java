package com.shop.api.order;

import com.shop.api.Coded;

/** Where an order is in its life. The codes are the source notes' {@code order_status} values. */
public enum OrderStatus implements Coded {
    UNCONFIRMED(0), CONFIRMED(1), CANCELLED(2), INVALID(3), REFUNDED(4);

    private final int code;

    OrderStatus(int code) {
        this.code = code;
    }

    @Override
    public int code() {
        return code;
    }

    public static OrderStatus ofCode(int code) {
        return Coded.ofCode(OrderStatus.class, code);
    }

    /** Its checkout is over (confirmed, or whatever came after): only an unconfirmed order is still being placed. */
    public boolean isSettled() {
        return this != UNCONFIRMED;
    }

    /** Still holds what it took (stock, coupon, balance): every order but a cancelled one. */
    public boolean isLive() {
        return this != CANCELLED;
    }
}
