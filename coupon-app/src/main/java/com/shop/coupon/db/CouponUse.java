package com.shop.coupon.db;

import com.shop.api.Coded;

/** Whether a coupon is spent ({@code is_used}); a used one names its order. */
public enum CouponUse implements Coded {
    UNUSED(0), USED(1);

    private final int code;

    CouponUse(int code) {
        this.code = code;
    }

    @Override
    public int code() {
        return code;
    }
}
