package com.shop.api.order;

/** Where an order is in its life. The codes are the source notes' {@code order_status} values, used only in the database. */
public enum OrderStatus {
    UNCONFIRMED(0), CONFIRMED(1), CANCELLED(2), INVALID(3), REFUNDED(4);

    private final int code;

    OrderStatus(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static OrderStatus ofCode(int code) {
        for (OrderStatus status : values()) {
            if (status.code == code) {
                return status;
            }
        }
        throw new IllegalArgumentException("No order status with code " + code);
    }
}
