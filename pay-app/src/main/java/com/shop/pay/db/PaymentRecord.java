package com.shop.pay.db;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import com.shop.api.payment.PaymentState;
import java.math.BigDecimal;
import java.time.LocalDateTime;

/** A row of {@code trade_pay}. */
@TableName("trade_pay")
public class PaymentRecord {

    @TableId(type = IdType.INPUT)
    private Long payId;
    private Long orderId;
    private Long userId;
    private BigDecimal payAmount;
    private PaymentState isPaid;
    private Long openOrderId;
    private String tradeNo;
    private LocalDateTime createTime;
    private LocalDateTime payTime;
    private LocalDateTime closeTime;

    public Long getPayId() { return payId; }
    public void setPayId(Long payId) { this.payId = payId; }
    public Long getOrderId() { return orderId; }
    public void setOrderId(Long orderId) { this.orderId = orderId; }
    public Long getUserId() { return userId; }
    public void setUserId(Long userId) { this.userId = userId; }
    public BigDecimal getPayAmount() { return payAmount; }
    public void setPayAmount(BigDecimal payAmount) { this.payAmount = payAmount; }
    public PaymentState getIsPaid() { return isPaid; }
    public void setIsPaid(PaymentState isPaid) { this.isPaid = isPaid; }
    public Long getOpenOrderId() { return openOrderId; }
    public void setOpenOrderId(Long openOrderId) { this.openOrderId = openOrderId; }
    public String getTradeNo() { return tradeNo; }
    public void setTradeNo(String tradeNo) { this.tradeNo = tradeNo; }
    public LocalDateTime getCreateTime() { return createTime; }
    public void setCreateTime(LocalDateTime createTime) { this.createTime = createTime; }
    public LocalDateTime getPayTime() { return payTime; }
    public void setPayTime(LocalDateTime payTime) { this.payTime = payTime; }
    public LocalDateTime getCloseTime() { return closeTime; }
    public void setCloseTime(LocalDateTime closeTime) { this.closeTime = closeTime; }
}
