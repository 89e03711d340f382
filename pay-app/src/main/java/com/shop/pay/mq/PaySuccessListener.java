package com.shop.pay.mq;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.shop.api.payment.PaymentSucceeded;
import com.shop.pay.db.PayLogMapper;
import com.shop.support.fault.FaultInjector;
import com.shop.support.fault.FaultPoint;
import com.shop.support.mq.IdempotentConsumer;
import com.shop.support.mq.IdempotentListener;
import com.shop.support.tx.LocalWrites;
import org.apache.rocketmq.spring.annotation.RocketMQMessageListener;
import org.springframework.stereotype.Component;

/** Pay success → one pay-log row. */
@Component
@RocketMQMessageListener(topic = PaymentSucceeded.TOPIC, consumerGroup = "pay-app-pay-success")
public class PaySuccessListener extends IdempotentListener<PaymentSucceeded> {

    private final PayLogMapper payLog;
    private final FaultInjector faults;

    public PaySuccessListener(IdempotentConsumer consumer, ObjectMapper json, PayLogMapper payLog, FaultInjector faults) {
        super(consumer, json, PaymentSucceeded.class);
        this.payLog = payLog;
        this.faults = faults;
    }

    @Override
    protected void handle(PaymentSucceeded paid) {
        faults.at(FaultPoint.PAY_BEFORE_PAY_LOG);
        // No global transaction writes the pay log: plain SQL.
        LocalWrites.unchecked(() -> payLog.insert(paid.payIdValue(), paid.orderIdValue(), paid.payAmountValue(),
                paid.tradeNo()));
    }
}
