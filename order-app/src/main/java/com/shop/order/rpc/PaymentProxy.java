package com.shop.order.rpc;

import com.shop.api.payment.PaymentService;
import java.math.BigDecimal;
import org.apache.dubbo.config.annotation.DubboReference;
import org.springframework.stereotype.Component;

/** pay-app as order-app sees it: refusals come back as exceptions carrying their error code. */
@Component
public class PaymentProxy {

    @DubboReference
    private PaymentService payments;

    public void close(long orderId, long userId, BigDecimal payAmount) {
        payments.closePayment(orderId, userId, payAmount).orThrow();
    }
}
