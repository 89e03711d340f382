package com.shop.pay.mq;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.shop.api.payment.PaymentSucceeded;
import com.shop.pay.payment.PayLog;
import com.shop.support.mq.IdempotentConsumer;
import com.shop.support.mq.IdempotentListener;
import org.apache.rocketmq.spring.annotation.RocketMQMessageListener;
import org.springframework.stereotype.Component;

/** Pay success → one pay-log row. */
@Component
@RocketMQMessageListener(topic = PaymentSucceeded.TOPIC, consumerGroup = "pay-app-pay-success")
public class PaySuccessListener extends IdempotentListener<PaymentSucceeded> {

    private final PayLog payLog;

    public PaySuccessListener(IdempotentConsumer consumer, ObjectMapper json, PayLog payLog) {
        super(consumer, json, PaymentSucceeded.class);
        this.payLog = payLog;
    }

    @Override
    protected void handle(PaymentSucceeded paid) {
        payLog.record(paid);
    }
}
