package com.shop.user.mq;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.shop.api.payment.PaymentSucceeded;
import com.shop.support.mq.IdempotentConsumer;
import com.shop.support.mq.IdempotentListener;
import com.shop.user.points.Points;
import org.apache.rocketmq.spring.annotation.RocketMQMessageListener;
import org.springframework.stereotype.Component;

/** Pay success → the buyer earns points. */
@Component
@RocketMQMessageListener(topic = PaymentSucceeded.TOPIC, consumerGroup = "user-app-pay-success")
public class PaySuccessListener extends IdempotentListener<PaymentSucceeded> {

    private final Points points;

    public PaySuccessListener(IdempotentConsumer consumer, ObjectMapper json, Points points) {
        super(consumer, json, PaymentSucceeded.class);
        this.points = points;
    }

    @Override
    protected void handle(PaymentSucceeded paid) {
        points.grant(paid.userIdValue(), paid.payAmountValue());
    }
}
