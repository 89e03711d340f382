package com.shop.api.order;

import java.io.Serializable;
import java.math.BigDecimal;

/** What another service needs to know of an order to take its payment. */
public class OrderSummary implements Serializable {

    private static final long serialVersionUID = 1L;

    private long orderId;
    private long userId;
    private OrderStatus orderStatus;
    private PayStatus payStatus;
    private BigDecimal payAmount;

    public OrderSummary() {
    }

    public OrderSummary(long orderId, long userId, OrderStatus orderStatus, PayStatus payStatus, BigDecimal payAmount) {
        this.orderId = orderId;
        this.userId = userId;
        this.orderStatus = orderStatus;
        this.payStatus = payStatus;
        this.payAmount = payAmount;
    }

    /** Confirmed, unpaid and with something left to pay: the only orders a payment can be opened for. */
    public boolean isAwaitingPayment() {
        return orderStatus == OrderStatus.CONFIRMED && payStatus == PayStatus.UNPAID && payAmount.signum() > 0;
    }

    public long getOrderId() { return orderId; }
    public void setOrderId(long orderId) { this.orderId = orderId; }
    public long getUserId() { return userId; }
    public void setUserId(long userId) { this.userId = userId; }
    public OrderStatus getOrderStatus() { return orderStatus; }
    public void setOrderStatus(OrderStatus orderStatus) { this.orderStatus = orderStatus; }
    public PayStatus getPayStatus() { return payStatus; }
    public void setPayStatus(PayStatus payStatus) { this.payStatus = payStatus; }
    public BigDecimal getPayAmount() { return payAmount; }
    public void setPayAmount(BigDecimal payAmount) { this.payAmount = payAmount; }
}
