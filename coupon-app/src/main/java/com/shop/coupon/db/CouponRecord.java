package com.shop.coupon.db;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.math.BigDecimal;
import java.time.LocalDateTime;

/** A row of {@code trade_coupon}. */
@TableName("trade_coupon")
public class CouponRecord {

    @TableId(type = IdType.INPUT)
    private Long couponId;
    private BigDecimal couponPrice;
    private Long userId;
    private Long orderId;
    private CouponUse isUsed;
    private LocalDateTime usedTime;

    public Long getCouponId() { return couponId; }
    public void setCouponId(Long couponId) { this.couponId = couponId; }
    public BigDecimal getCouponPrice() { return couponPrice; }
    public void setCouponPrice(BigDecimal couponPrice) { this.couponPrice = couponPrice; }
    public Long getUserId() { return userId; }
    public void setUserId(Long userId) { this.userId = userId; }
    public Long getOrderId() { return orderId; }
    public void setOrderId(Long orderId) { this.orderId = orderId; }
    public CouponUse getIsUsed() { return isUsed; }
    public void setIsUsed(CouponUse isUsed) { this.isUsed = isUsed; }
    public LocalDateTime getUsedTime() { return usedTime; }
    public void setUsedTime(LocalDateTime usedTime) { this.usedTime = usedTime; }
}
