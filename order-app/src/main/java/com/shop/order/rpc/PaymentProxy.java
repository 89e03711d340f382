package com.shop.order.rpc;

import static com.shop.support.rpc.ProviderUnavailable.run;

import com.shop.api.payment.PaymentService;
import com.shop.support.fault.FaultPoint;
import com.shop.support.fault.FaultPoints;
import com.shop.support.rpc.ProviderUnavailable;
import java.math.BigDecimal;
import org.apache.dubbo.config.annotation.DubboReference;
import org.springframework.stereotype.Component;

/**
 * pay-app as order-app sees it: refusals come back as exceptions carrying their error code, and a call
 * Dubbo could not complete as {@link ProviderUnavailable}.
 */
@Component
public class PaymentProxy {

    @DubboReference
    private PaymentService payments;

    @FaultPoints(after = FaultPoint.ORDER_CANCEL_AFTER_CLOSE_PAYMENT)
    public void close(long orderId, long userId, BigDecimal payAmount) {
        run(() -> payments.closePayment(orderId, userId, payAmount).orThrow());
    }
}
