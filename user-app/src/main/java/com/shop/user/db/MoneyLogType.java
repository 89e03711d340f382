package com.shop.user.db;

import com.shop.api.Coded;

/** Why a money-log row moved a balance ({@code money_log_type}): paid for an order, or refunded to the user. */
public enum MoneyLogType implements Coded {
    PAID(1), REFUND(2);

    private final int code;

    MoneyLogType(int code) {
        this.code = code;
    }

    @Override
    public int code() {
        return code;
    }
}
