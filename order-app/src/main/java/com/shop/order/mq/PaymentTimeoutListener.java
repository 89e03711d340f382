package com.shop.order.mq;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.shop.api.order.PaymentTimeout;
import com.shop.order.timeout.ExpireOrder;
import com.shop.support.mq.IdempotentConsumer;
import com.shop.support.mq.IdempotentListener;
import org.apache.rocketmq.spring.annotation.RocketMQMessageListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * An order's pay deadline came → cancel it if it is still unpaid. A duplicate (RocketMQ can deliver a
 * timer message twice after a broker restart) finds the order cancelled or paid and does nothing; a failed
 * cancel rolled back whole and is redelivered with back-off, and after the last attempt the sweep is left.
 */
@Component
@RocketMQMessageListener(topic = PaymentTimeout.TOPIC, consumerGroup = "order-app-payment-timeout")
public class PaymentTimeoutListener extends IdempotentListener<PaymentTimeout> {

    private static final Logger log = LoggerFactory.getLogger(PaymentTimeoutListener.class);

    private final ExpireOrder expireOrder;

    public PaymentTimeoutListener(IdempotentConsumer consumer, ObjectMapper json, ExpireOrder expireOrder) {
        super(consumer, json, PaymentTimeout.class, Dedupe.EFFECT_STATE);
        this.expireOrder = expireOrder;
    }

    @Override
    protected void handle(PaymentTimeout timeout) {
        switch (expireOrder.expire(timeout.orderIdValue())) {
            case CANCELLED -> log.info("Order {} cancelled at its pay deadline", timeout.orderId());
            case PAID_FIRST -> log.info("Timeout of order {}: its payment came first, not cancelled", timeout.orderId());
            case NOTHING_TO_DO -> log.info("Timeout of order {}: paid or cancelled already, nothing to do", timeout.orderId());
        }
    }
}
