package com.shop.pay.rpc;

import com.shop.api.Outcome;
import com.shop.api.payment.PaymentService;
import com.shop.pay.payment.Payments;
import com.shop.support.fault.FaultPoint;
import com.shop.support.fault.FaultPoints;
import com.shop.support.rpc.Outcomes;
import java.math.BigDecimal;
import org.apache.dubbo.config.annotation.DubboService;

/** The Dubbo face of pay-app. The "after" fault point fires once the local branch has committed. */
@DubboService
public class PaymentProvider implements PaymentService {

    private final Payments payments;

    public PaymentProvider(Payments payments) {
        this.payments = payments;
    }

    @Override
    @FaultPoints(after = FaultPoint.PAY_AFTER_CLOSE_PAYMENT)
    public Outcome closePayment(long orderId, long userId, BigDecimal payAmount) {
        return Outcomes.of(() -> payments.close(orderId, userId, payAmount));
    }
}
