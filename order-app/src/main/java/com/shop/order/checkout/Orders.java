package com.shop.order.checkout;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.conditions.update.LambdaUpdateWrapper;
import static com.shop.api.order.OrderStatus.CANCELLED;
import static com.shop.api.order.OrderStatus.CONFIRMED;
import static com.shop.api.order.OrderStatus.UNCONFIRMED;
import static com.shop.api.order.PayStatus.PAID;
import static com.shop.api.order.PayStatus.UNPAID;

import com.shop.order.db.OrderMapper;
import com.shop.order.db.OrderRecord;
import com.shop.support.fault.FaultPoint;
import com.shop.support.fault.FaultPoints;
import com.shop.support.tx.LocalWrites;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/** order-app's own table, written as branches of the checkout's and the cancel's global transactions. */
@Component
public class Orders {

    private static final Logger log = LoggerFactory.getLogger(Orders.class);
    /** trade_order's unique key on request_id (sql/shop_order). */
    private static final String REQUEST_ID_KEY = "uk_request_id";

    private final OrderMapper orders;

    public Orders(OrderMapper orders) {
        this.orders = orders;
    }

    public OrderRecord find(long orderId) {
        return orders.selectById(orderId);
    }

    public OrderRecord findByRequestId(String requestId) {
        return orders.selectOne(new LambdaQueryWrapper<OrderRecord>().eq(OrderRecord::getRequestId, requestId));
    }

    /**
     * The order as checked, unconfirmed; the unique request id refuses a concurrent replay here
     * ({@link DuplicateRequest}).
     */
    @FaultPoints(after = FaultPoint.ORDER_AFTER_PRE_ORDER)
    public void insertUnconfirmed(long orderId, PricedOrder priced, String xid) {
        PlaceOrder request = priced.request();
        OrderRecord order = new OrderRecord();
        order.setOrderId(orderId);
        order.setRequestId(request.requestId());
        order.setUserId(request.userId());
        order.setOrderStatus(UNCONFIRMED);
        order.setPayStatus(UNPAID);
        order.setShippingStatus(0);
        order.setAddress(request.address());
        order.setConsignee(request.consignee());
        order.setGoodsId(request.goodsId());
        order.setGoodsNumber(request.goodsNumber());
        order.setGoodsPrice(request.goodsPrice());
        order.setGoodsAmount(priced.goodsAmount());
        order.setShippingFee(priced.shippingFee());
        order.setOrderAmount(priced.orderAmount());
        order.setCouponId(request.couponId());
        order.setCouponPaid(priced.couponPaid());
        order.setMoneyPaid(priced.moneyPaid());
        order.setPayAmount(priced.payAmount());
        order.setAddTime(LocalDateTime.now().withNano(0));
        order.setXid(xid);
        try {
            orders.insert(order);
        } catch (DuplicateKeyException duplicate) {
            if (String.valueOf(duplicate.getMessage()).contains(REQUEST_ID_KEY)) {
                throw new DuplicateRequest(request.requestId(), duplicate);
            }
            throw duplicate;
        }
    }

    /**
     * Confirmed; with nothing left to pay it is paid at once, else it is to be paid within
     * {@code paymentTimeout} (its pay deadline).
     */
    @FaultPoints(before = FaultPoint.ORDER_BEFORE_CONFIRM)
    public void confirm(long orderId, boolean nothingToPay, Duration paymentTimeout) {
        LocalDateTime now = LocalDateTime.now().withNano(0);
        LambdaUpdateWrapper<OrderRecord> update = new LambdaUpdateWrapper<OrderRecord>()
                .eq(OrderRecord::getOrderId, orderId)
                .eq(OrderRecord::getOrderStatus, UNCONFIRMED)
                .set(OrderRecord::getOrderStatus, CONFIRMED)
                .set(OrderRecord::getConfirmTime, now);
        if (nothingToPay) {
            update.set(OrderRecord::getPayStatus, PAID).set(OrderRecord::getPayTime, now);
        } else {
            update.set(OrderRecord::getPayDeadline, now.plus(paymentTimeout));
        }
        if (orders.update(null, update) != 1) {
            throw new IllegalStateException("Order " + orderId + " was not unconfirmed when confirming it");
        }
    }

    /**
     * The first step of the cancel's global transaction: stamps the cancel's start on an order still
     * confirmed and unpaid (false otherwise: paid, cancelled already, or never confirmed). Writing the row
     * first holds it, through the TC's global lock, against a second cancel of the order until this one
     * ends; the order still reads as confirmed until {@link #markCancelled}.
     */
    @FaultPoints(after = FaultPoint.ORDER_CANCEL_AFTER_CLAIM)
    public boolean claimForCancel(long orderId) {
        return orders.update(null, new LambdaUpdateWrapper<OrderRecord>()
                .eq(OrderRecord::getOrderId, orderId)
                .eq(OrderRecord::getOrderStatus, CONFIRMED)
                .eq(OrderRecord::getPayStatus, UNPAID)
                .isNull(OrderRecord::getCancelTime)
                .set(OrderRecord::getCancelTime, LocalDateTime.now().withNano(0))) == 1;
    }

    /** The last step of the cancel, once everything the order took was given back. */
    public void markCancelled(long orderId) {
        if (orders.update(null, new LambdaUpdateWrapper<OrderRecord>()
                .eq(OrderRecord::getOrderId, orderId)
                .eq(OrderRecord::getOrderStatus, CONFIRMED)
                .set(OrderRecord::getOrderStatus, CANCELLED)) != 1) {
            throw new IllegalStateException("Order " + orderId + " was not confirmed when cancelling it");
        }
    }

    /** Confirmed orders still unpaid whose pay deadline passed before {@code before}, earliest first. */
    public List<Long> overdue(LocalDateTime before, int limit) {
        return orders.selectList(new LambdaQueryWrapper<OrderRecord>()
                        .select(OrderRecord::getOrderId)
                        .eq(OrderRecord::getOrderStatus, CONFIRMED)
                        .eq(OrderRecord::getPayStatus, UNPAID)
                        .lt(OrderRecord::getPayDeadline, before)
                        .orderByAsc(OrderRecord::getPayDeadline)
                        .last("LIMIT " + limit))
                .stream().map(OrderRecord::getOrderId).toList();
    }

    /**
     * Paid, once: only a confirmed unpaid order changes. Called under the global-lock check, so the row
     * is read {@code FOR UPDATE} first (a global transaction may hold it). An order already paid is a
     * redelivery; one that is not confirmed any more is left as it is, and said so.
     */
    @FaultPoints(before = FaultPoint.ORDER_BEFORE_MARK_PAID)
    public void markPaid(long orderId, LocalDateTime paidAt) {
        OrderRecord order = orders.selectOne(new LambdaQueryWrapper<OrderRecord>()
                .eq(OrderRecord::getOrderId, orderId).last("FOR UPDATE"));
        if (order == null) {
            throw new IllegalStateException("Payment for order " + orderId + ", which does not exist");
        }
        // The row is ours: locked above after the TC said no global transaction holds it.
        int updated = LocalWrites.unchecked(() -> orders.update(null, new LambdaUpdateWrapper<OrderRecord>()
                .eq(OrderRecord::getOrderId, orderId)
                .eq(OrderRecord::getOrderStatus, CONFIRMED)
                .eq(OrderRecord::getPayStatus, UNPAID)
                .set(OrderRecord::getPayStatus, PAID)
                .set(OrderRecord::getPayTime, paidAt.withNano(0))));
        if (updated == 1) {
            log.info("Order {} paid", orderId);
        } else if (order.getPayStatus() != PAID) {
            log.warn("Order {} was paid but is in status {}: left as it is", orderId, order.getOrderStatus());
        }
    }
}
