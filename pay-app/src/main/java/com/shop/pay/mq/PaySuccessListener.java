package com.shop.pay.mq;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.shop.api.payment.PaymentSucceeded;
import com.shop.pay.payment.PayLog;
import com.shop.support.fault.FaultInjector;
import com.shop.support.fault.FaultPoint;
import com.shop.support.mq.IdempotentConsumer;
import com.shop.support.mq.IdempotentListener;
import org.apache.rocketmq.spring.annotation.RocketMQMessageListener;
import org.springframework.stereotype.Component;

/** Pay success → one pay-log row. */
@Component
@RocketMQMessageListener(topic = PaymentSucceeded.TOPIC, consumerGroup = "pay-app-pay-success")
public class PaySuccessListener extends IdempotentListener<PaymentSucceeded> {

    private final PayLog payLog;
    private final FaultInjector faults;

    public PaySuccessListener(IdempotentConsumer consumer, ObjectMapper json, PayLog payLog, FaultInjector faults) {
        super(consumer, json, PaymentSucceeded.class);
        this.payLog = payLog;
        this.faults = faults;
    }

    @Override
    protected void handle(PaymentSucceeded paid) {
        faults.at(FaultPoint.PAY_BEFORE_PAY_LOG);
        payLog.record(paid);
    }
}
