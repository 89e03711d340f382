package com.shop.order.mq;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.shop.api.payment.PaymentSucceeded;
import com.shop.order.checkout.Orders;
import com.shop.support.mq.IdempotentConsumer;
import com.shop.support.mq.IdempotentListener;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.apache.rocketmq.spring.annotation.RocketMQMessageListener;
import org.springframework.stereotype.Component;

/** Pay success → the order is paid (pay status, pay time). */
@Component
@RocketMQMessageListener(topic = PaymentSucceeded.TOPIC, consumerGroup = "order-app-pay-success")
public class PaySuccessListener extends IdempotentListener<PaymentSucceeded> {

    private final Orders orders;

    public PaySuccessListener(IdempotentConsumer consumer, ObjectMapper json, Orders orders) {
        super(consumer, json, PaymentSucceeded.class);
        this.orders = orders;
    }

    @Override
    protected void handle(PaymentSucceeded paid) {
        orders.markPaid(paid.orderIdValue(), LocalDateTime.ofInstant(Instant.parse(paid.paidAt()), ZoneId.systemDefault()));
    }
}
