package com.shop.pay.payment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.shop.api.error.ErrorCode;
import com.shop.api.error.ShopException;
import com.shop.api.payment.PaymentState;
import com.shop.api.payment.PaymentSucceeded;
import com.shop.pay.db.PaymentMapper;
import com.shop.pay.db.PaymentRecord;
import com.shop.pay.mq.Outbox;
import com.shop.pay.mq.OutboxRelay;
import com.shop.support.tx.LocalWrites;
import com.shop.support.web.Money;
import java.time.Instant;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The payment platform's success callback, top-down: verify → in one local transaction mark the
 * payment paid and put the pay-success event in the outbox → hand the event to the relay → answer.
 * A callback for a payment its order's cancel closed is acknowledged too and recorded as a refund due
 * ({@link RefundsDue}); the cancelled order is never marked paid.
 * The broker is never waited for: the answer goes back as soon as the local transaction committed,
 * and the event leaves when the broker takes it (docs/design.md#payment).
 */
@Service
public class PaymentCallbacks {

    private static final Logger log = LoggerFactory.getLogger(PaymentCallbacks.class);

    private final PaymentCallbackVerifier verifier;
    private final PaymentMapper payments;
    private final Outbox outbox;
    private final OutboxRelay relay;
    private final RefundsDue refunds;
    private final LocalWrites localWrites;
    private final ObjectMapper json;
    private final CallbackAdmission admission;

    public PaymentCallbacks(PaymentCallbackVerifier verifier, PaymentMapper payments, Outbox outbox, OutboxRelay relay,
                            RefundsDue refunds, LocalWrites localWrites, ObjectMapper json,
                            CallbackAdmission admission) {
        this.admission = admission;
        this.verifier = verifier;
        this.payments = payments;
        this.outbox = outbox;
        this.relay = relay;
        this.refunds = refunds;
        this.localWrites = localWrites;
        this.json = json;
    }

    /**
     * Accepts a success callback; a duplicate changes nothing and is accepted as well. Beyond what
     * {@link CallbackAdmission} lets in, 503 OVERLOADED (the platform retries).
     */
    public void accept(Map<String, String> fields) {
        PaymentCallback callback = verifier.verify(fields);
        try (CallbackAdmission.Turn turn = admission.admit()) {
            process(callback);
        }
    }

    private void process(PaymentCallback callback) {
        // trade_pay rows are also written by global transactions (closing a payment): global-lock checked.
        Accepted accepted = localWrites.underGlobalLock(() -> markPaid(callback));
        if (accepted instanceof Paid paid) {
            relay.sendSoon(paid.outboxId());
        } else if (accepted instanceof AlreadyPaid) {
            log.info("Duplicate callback for payment {} (trade {}): already paid", callback.payId(), callback.tradeNo());
        } else {
            log.warn("Callback for payment {} (trade {}), closed by its order's cancel: acknowledged, refund due",
                    callback.payId(), callback.tradeNo());
        }
    }

    /** What an accepted callback did. */
    private sealed interface Accepted permits Paid, AlreadyPaid, PaidAfterClose {
    }

    /** The payment is paid now; the event waits in the outbox row. */
    private record Paid(String outboxId) implements Accepted {
    }

    /** A duplicate: the payment was paid by an earlier callback. */
    private record AlreadyPaid() implements Accepted {
    }

    /** The order was cancelled first: the money is recorded as owed back, the order stays cancelled. */
    private record PaidAfterClose() implements Accepted {
    }

    private Accepted markPaid(PaymentCallback callback) {
        PaymentRecord payment = payments.lockById(callback.payId());
        if (payment == null) {
            throw new ShopException(ErrorCode.PAYMENT_NOT_FOUND, "No payment " + callback.payId());
        }
        if (payment.getOrderId() != callback.orderId() || payment.getPayAmount().compareTo(callback.payAmount()) != 0) {
            throw new ShopException(ErrorCode.PAYMENT_MISMATCH, "Payment " + callback.payId() + " is order "
                    + payment.getOrderId() + " for " + Money.format(payment.getPayAmount()) + "; the callback says order "
                    + callback.orderId() + " for " + Money.format(callback.payAmount()));
        }
        // The payment row is ours (locked above, checked with the TC); the outbox row no global transaction writes.
        if (LocalWrites.unchecked(() -> payments.markPaid(callback.payId(), callback.tradeNo())) == 0) {
            if (payment.getIsPaid() == PaymentState.CLOSED) {
                // The platform must stop retrying, so this is acknowledged; the money is not kept silently.
                refunds.record(payment, callback.tradeNo());
                return new PaidAfterClose();
            }
            return new AlreadyPaid();
        }
        PaymentSucceeded event = new PaymentSucceeded(String.valueOf(payment.getPayId()),
                String.valueOf(payment.getOrderId()), String.valueOf(payment.getUserId()),
                Money.format(payment.getPayAmount()), callback.tradeNo(), Instant.now().toString());
        log.info("Payment {} of order {} paid (trade {})", payment.getPayId(), payment.getOrderId(), callback.tradeNo());
        return new Paid(LocalWrites.unchecked(() -> outbox.add(PaymentSucceeded.TOPIC, String.valueOf(payment.getPayId()),
                toJson(event))));
    }

    private String toJson(PaymentSucceeded event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + event, e);
        }
    }
}
