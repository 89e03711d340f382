package com.shop.pay.payment;

import com.shop.api.payment.PaymentSucceeded;
import com.shop.pay.db.PayLogMapper;
import com.shop.support.fault.FaultPoint;
import com.shop.support.fault.FaultPoints;
import com.shop.support.tx.LocalWrites;
import org.springframework.stereotype.Component;

/** {@code trade_pay_log}: one row per payment that succeeded, written by the pay-success consumer. */
@Component
public class PayLog {

    private final PayLogMapper payLog;

    public PayLog(PayLogMapper payLog) {
        this.payLog = payLog;
    }

    @FaultPoints(before = FaultPoint.PAY_BEFORE_PAY_LOG)
    public void record(PaymentSucceeded paid) {
        // No global transaction writes the pay log: plain SQL.
        LocalWrites.unchecked(() -> payLog.insert(paid.payIdValue(), paid.orderIdValue(), paid.payAmountValue(),
                paid.tradeNo()));
    }
}
