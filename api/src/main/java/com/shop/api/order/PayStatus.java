package com.shop.api.order;

/** Whether an order is paid. The codes are the source notes' {@code pay_status} values, used only in the database. */
public enum PayStatus {
    UNPAID(0), PAYING(1), PAID(2);

    private final int code;

    PayStatus(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static PayStatus ofCode(int code) {
        for (PayStatus status : values()) {
            if (status.code == code) {
                return status;
            }
        }
        throw new IllegalArgumentException("No pay status with code " + code);
    }
}
