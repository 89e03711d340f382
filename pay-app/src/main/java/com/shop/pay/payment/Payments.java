package com.shop.pay.payment;

import com.shop.api.error.ErrorCode;
import com.shop.api.error.ShopException;
import com.shop.api.order.OrderSummary;
import com.shop.api.order.PayStatus;
import com.shop.pay.db.PaymentMapper;
import com.shop.pay.db.PaymentRecord;
import com.shop.pay.rpc.OrderProxy;
import com.shop.support.id.IdGenerator;
import java.time.LocalDateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/** Opening a payment for an order: at most one live (open or paid) payment per order. */
@Service
public class Payments {

    public static final int NOT_PAID = 1;
    public static final int PAID = 2;

    private static final Logger log = LoggerFactory.getLogger(Payments.class);

    private final PaymentMapper payments;
    private final OrderProxy orders;
    private final IdGenerator ids;

    public Payments(PaymentMapper payments, OrderProxy orders, IdGenerator ids) {
        this.payments = payments;
        this.orders = orders;
        this.ids = ids;
    }

    /** A payment, and whether this call opened it (else it is the order's open payment, answered again). */
    public record Opened(PaymentRecord payment, boolean created) {
    }

    public PaymentRecord find(long payId) {
        PaymentRecord payment = payments.selectById(payId);
        if (payment == null) {
            throw new ShopException(ErrorCode.PAYMENT_NOT_FOUND, "No payment " + payId);
        }
        return payment;
    }

    public Opened open(long orderId) {
        PaymentRecord live = payments.findLive(orderId);
        if (live != null) {
            return existing(live);
        }
        OrderSummary order = orders.find(orderId);
        if (order == null) {
            throw new ShopException(ErrorCode.ORDER_NOT_FOUND, "No order " + orderId);
        }
        if (order.getPayStatus() == PayStatus.PAID) {
            throw new ShopException(ErrorCode.PAYMENT_IS_PAID, "Order " + orderId + " is already paid");
        }
        if (!order.isAwaitingPayment()) {
            throw new ShopException(ErrorCode.ORDER_NOT_PAYABLE, "Order " + orderId + " is " + order.getOrderStatus()
                    + " and " + order.getPayStatus() + " with " + order.getPayAmount() + " to pay");
        }
        PaymentRecord payment = new PaymentRecord();
        payment.setPayId(ids.nextId());
        payment.setOrderId(orderId);
        payment.setUserId(order.getUserId());
        payment.setPayAmount(order.getPayAmount());
        payment.setIsPaid(NOT_PAID);
        payment.setOpenOrderId(orderId);
        payment.setCreateTime(LocalDateTime.now().withNano(0));
        try {
            payments.insert(payment);
        } catch (DuplicateKeyException concurrentOpen) {
            // Another request opened the order's payment at the same moment: that one is the answer.
            return existing(payments.findLive(orderId));
        }
        log.info("Payment {} opened for order {}: {}", payment.getPayId(), orderId, payment.getPayAmount());
        return new Opened(payment, true);
    }

    private static Opened existing(PaymentRecord live) {
        if (live == null) {
            throw new ShopException(ErrorCode.ORDER_NOT_PAYABLE, "The order's payment was closed meanwhile");
        }
        if (live.getIsPaid() == PAID) {
            throw new ShopException(ErrorCode.PAYMENT_IS_PAID,
                    "Order " + live.getOrderId() + " is already paid by payment " + live.getPayId());
        }
        return new Opened(live, false);
    }
}
