package com.shop.api.coupon;

import java.io.Serializable;
import java.math.BigDecimal;

public class CouponInfo implements Serializable {

    private static final long serialVersionUID = 1L;

    private long couponId;
    private long userId;
    private BigDecimal couponPrice;
    private boolean used;

    public CouponInfo() {
    }

    public CouponInfo(long couponId, long userId, BigDecimal couponPrice, boolean used) {
        this.couponId = couponId;
        this.userId = userId;
        this.couponPrice = couponPrice;
        this.used = used;
    }

    public long getCouponId() { return couponId; }
    public void setCouponId(long couponId) { this.couponId = couponId; }
    public long getUserId() { return userId; }
    public void setUserId(long userId) { this.userId = userId; }
    public BigDecimal getCouponPrice() { return couponPrice; }
    public void setCouponPrice(BigDecimal couponPrice) { this.couponPrice = couponPrice; }
    public boolean isUsed() { return used; }
    public void setUsed(boolean used) { this.used = used; }
}
