package com.shop.order.db;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import com.shop.api.order.OrderStatus;
import com.shop.api.order.PayStatus;
import java.math.BigDecimal;
import java.time.LocalDateTime;

/** A row of {@code trade_order}. */
@TableName("trade_order")
public class OrderRecord {

    @TableId(type = IdType.INPUT)
    private Long orderId;
    private String requestId;
    private Long userId;
    private OrderStatus orderStatus;
    private PayStatus payStatus;
    private Integer shippingStatus;
    private String address;
    private String consignee;
    private Long goodsId;
    private Integer goodsNumber;
    private BigDecimal goodsPrice;
    private BigDecimal goodsAmount;
    private BigDecimal shippingFee;
    private BigDecimal orderAmount;
    private Long couponId;
    private BigDecimal couponPaid;
    private BigDecimal moneyPaid;
    private BigDecimal payAmount;
    private LocalDateTime addTime;
    private LocalDateTime confirmTime;
    private LocalDateTime payDeadline;
    private LocalDateTime payTime;
    private LocalDateTime cancelTime;
    private String xid;

    public Long getOrderId() { return orderId; }
    public void setOrderId(Long orderId) { this.orderId = orderId; }
    public String getRequestId() { return requestId; }
    public void setRequestId(String requestId) { this.requestId = requestId; }
    public Long getUserId() { return userId; }
    public void setUserId(Long userId) { this.userId = userId; }
    public OrderStatus getOrderStatus() { return orderStatus; }
    public void setOrderStatus(OrderStatus orderStatus) { this.orderStatus = orderStatus; }
    public PayStatus getPayStatus() { return payStatus; }
    public void setPayStatus(PayStatus payStatus) { this.payStatus = payStatus; }
    public Integer getShippingStatus() { return shippingStatus; }
    public void setShippingStatus(Integer shippingStatus) { this.shippingStatus = shippingStatus; }
    public String getAddress() { return address; }
    public void setAddress(String address) { this.address = address; }
    public String getConsignee() { return consignee; }
    public void setConsignee(String consignee) { this.consignee = consignee; }
    public Long getGoodsId() { return goodsId; }
    public void setGoodsId(Long goodsId) { this.goodsId = goodsId; }
    public Integer getGoodsNumber() { return goodsNumber; }
    public void setGoodsNumber(Integer goodsNumber) { this.goodsNumber = goodsNumber; }
    public BigDecimal getGoodsPrice() { return goodsPrice; }
    public void setGoodsPrice(BigDecimal goodsPrice) { this.goodsPrice = goodsPrice; }
    public BigDecimal getGoodsAmount() { return goodsAmount; }
    public void setGoodsAmount(BigDecimal goodsAmount) { this.goodsAmount = goodsAmount; }
    public BigDecimal getShippingFee() { return shippingFee; }
    public void setShippingFee(BigDecimal shippingFee) { this.shippingFee = shippingFee; }
    public BigDecimal getOrderAmount() { return orderAmount; }
    public void setOrderAmount(BigDecimal orderAmount) { this.orderAmount = orderAmount; }
    public Long getCouponId() { return couponId; }
    public void setCouponId(Long couponId) { this.couponId = couponId; }
    public BigDecimal getCouponPaid() { return couponPaid; }
    public void setCouponPaid(BigDecimal couponPaid) { this.couponPaid = couponPaid; }
    public BigDecimal getMoneyPaid() { return moneyPaid; }
    public void setMoneyPaid(BigDecimal moneyPaid) { this.moneyPaid = moneyPaid; }
    public BigDecimal getPayAmount() { return payAmount; }
    public void setPayAmount(BigDecimal payAmount) { this.payAmount = payAmount; }
    public LocalDateTime getAddTime() { return addTime; }
    public void setAddTime(LocalDateTime addTime) { this.addTime = addTime; }
    public LocalDateTime getConfirmTime() { return confirmTime; }
    public void setConfirmTime(LocalDateTime confirmTime) { this.confirmTime = confirmTime; }
    public LocalDateTime getPayTime() { return payTime; }
    public void setPayTime(LocalDateTime payTime) { this.payTime = payTime; }
    public LocalDateTime getPayDeadline() { return payDeadline; }
    public void setPayDeadline(LocalDateTime payDeadline) { this.payDeadline = payDeadline; }
    public LocalDateTime getCancelTime() { return cancelTime; }
    public void setCancelTime(LocalDateTime cancelTime) { this.cancelTime = cancelTime; }
    public String getXid() { return xid; }
    public void setXid(String xid) { this.xid = xid; }
}
