package com.shop.pay.payment;

import com.shop.api.error.ErrorCode;
import com.shop.api.error.ShopException;
import com.shop.api.order.OrderSummary;
import com.shop.api.order.PayStatus;
import com.shop.api.payment.PaymentState;
import com.shop.pay.db.PaymentMapper;
import com.shop.pay.db.PaymentRecord;
import com.shop.pay.rpc.OrderProxy;
import com.shop.support.id.IdGenerator;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An order's payment: opened by the buyer, paid by the platform's callback, or closed by the order's
 * cancel. At most one per order, whatever its state (the unique {@code open_order_id}), so a paid order
 * gets no second payment and a cancelled one none at all.
 */
@Service
public class Payments {

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
        payment.setIsPaid(PaymentState.NOT_PAID);
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

    /**
     * Closes the order's payment for good, as a branch of the cancel's global transaction. A closed
     * payment is inserted first: if the order has none, that is the close, and an open racing it finds
     * the closed payment and is refused. If the order has one, the unique key refuses the insert and the
     * existing row is locked and closed — or, when it is paid, the close is refused: the payment won and
     * the cancel rolls back. (Inserting first, not locking first: two cancels locking the empty index
     * range of orders without payments deadlocked when both then inserted.)
     */
    @Transactional
    public void close(long orderId, long userId, BigDecimal payAmount) {
        if (insertedClosed(orderId, userId, payAmount)) {
            log.info("Order {} cancelled before a payment was opened: its payment is closed", orderId);
            return;
        }
        PaymentRecord payment = payments.lockLive(orderId);
        if (payment.getIsPaid() == PaymentState.PAID) {
            throw new ShopException(ErrorCode.PAYMENT_IS_PAID,
                    "Order " + orderId + " is paid by payment " + payment.getPayId() + "; it is not cancelled");
        }
        if (payment.getIsPaid() == PaymentState.NOT_PAID && payments.close(payment.getPayId()) == 1) {
            log.info("Payment {} of order {} closed", payment.getPayId(), orderId);
        }
    }

    private boolean insertedClosed(long orderId, long userId, BigDecimal payAmount) {
        try {
            payments.insert(closedBeforeOpened(orderId, userId, payAmount));
            return true;
        } catch (DuplicateKeyException orderHasAPayment) {
            return false;
        }
    }

    private PaymentRecord closedBeforeOpened(long orderId, long userId, BigDecimal payAmount) {
        PaymentRecord closed = new PaymentRecord();
        closed.setPayId(ids.nextId());
        closed.setOrderId(orderId);
        closed.setUserId(userId);
        closed.setPayAmount(payAmount);
        closed.setIsPaid(PaymentState.CLOSED);
        closed.setOpenOrderId(orderId);
        LocalDateTime now = LocalDateTime.now().withNano(0);
        closed.setCreateTime(now);
        closed.setCloseTime(now);
        return closed;
    }

    private static Opened existing(PaymentRecord live) {
        if (live == null || live.getIsPaid() == PaymentState.CLOSED) {
            throw new ShopException(ErrorCode.ORDER_NOT_PAYABLE, "The order's payment was closed: the order is cancelled");
        }
        if (live.getIsPaid() == PaymentState.PAID) {
            throw new ShopException(ErrorCode.PAYMENT_IS_PAID,
                    "Order " + live.getOrderId() + " is already paid by payment " + live.getPayId());
        }
        return new Opened(live, false);
    }
}
