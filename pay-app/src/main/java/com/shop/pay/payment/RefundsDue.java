package com.shop.pay.payment;

import com.shop.pay.db.PaymentMapper;
import com.shop.pay.db.PaymentRecord;
import com.shop.support.tx.LocalWrites;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Money the platform took for a payment that a cancel had closed: the order stays cancelled, and the
 * buyer is owed the amount back. One row per payment in {@code trade_refund_due}, listed at
 * {@code /actuator/refunds}; metrics {@code shop.payment.refunds.due} (recorded since start) and
 * {@code shop.payment.refunds.due.total} (rows in the table). Paying the refund out is the operators'
 * job with the platform's refund API; this list is what keeps the money from being silently kept.
 */
@Component
public class RefundsDue {

    private static final Logger log = LoggerFactory.getLogger(RefundsDue.class);

    private final PaymentMapper payments;
    private final Counter recorded;

    public RefundsDue(PaymentMapper payments, MeterRegistry metrics) {
        this.payments = payments;
        this.recorded = Counter.builder("shop.payment.refunds.due")
                .description("Callbacks that paid a closed payment: refunds due, recorded since start").register(metrics);
        Gauge.builder("shop.payment.refunds.due.total", payments, PaymentMapper::countRefundsDue)
                .description("Refunds due on record").register(metrics);
    }

    /**
     * Records the refund inside the callback's transaction; a duplicate callback records nothing more.
     * The table is plain bookkeeping no global transaction writes, so the insert skips the TC.
     */
    void record(PaymentRecord closed, String tradeNo) {
        if (LocalWrites.unchecked(() -> payments.recordRefundDue(closed, tradeNo)) == 1) {
            recorded.increment();
            log.error("REFUND DUE: payment {} of cancelled order {} was paid ({} by trade {}); the buyer {} is owed it back",
                    closed.getPayId(), closed.getOrderId(), closed.getPayAmount(), tradeNo, closed.getUserId());
        }
    }

    public List<Map<String, Object>> list(int limit) {
        return payments.refundsDue(limit);
    }

    public long count() {
        return payments.countRefundsDue();
    }
}
