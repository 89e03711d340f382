package com.shop.goods.db;

import com.shop.api.Coded;

/** Why a stock-log row moved stock ({@code log_type}): reduced for an order, or restored by its cancel. */
public enum StockLogType implements Coded {
    REDUCED(1), RESTORED(2);

    private final int code;

    StockLogType(int code) {
        this.code = code;
    }

    @Override
    public int code() {
        return code;
    }
}
