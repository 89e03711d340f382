package com.shop.order.mq;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.shop.api.order.PaymentTimeout;
import com.shop.support.fault.FaultPoint;
import com.shop.support.fault.FaultPoints;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.function.Consumer;
import org.apache.rocketmq.client.producer.SendCallback;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.spring.core.RocketMQTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Sends an order's timeout message: a RocketMQ timer message due at its pay deadline. The send is
 * asynchronous; a failure, now or in the broker's answer, goes to the caller's {@code notSent}.
 */
@Component
public class PaymentTimeoutMessages {

    private static final long SEND_TIMEOUT_MILLIS = 3_000;

    private static final Logger log = LoggerFactory.getLogger(PaymentTimeoutMessages.class);

    private final RocketMQTemplate rocketMq;
    private final ObjectMapper json;

    public PaymentTimeoutMessages(RocketMQTemplate rocketMq, ObjectMapper json) {
        this.rocketMq = rocketMq;
        this.json = json;
    }

    @FaultPoints(before = FaultPoint.ORDER_BEFORE_SCHEDULE_TIMEOUT)
    public void send(long orderId, Instant deadline, Consumer<Throwable> notSent) {
        try {
            Message message = new Message(PaymentTimeout.TOPIC, null, String.valueOf(orderId),
                    body(new PaymentTimeout(String.valueOf(orderId), deadline.toString())));
            // Absolute: a message sent late is still due at the deadline (or at once when that has passed).
            message.setDeliverTimeMs(deadline.toEpochMilli());
            rocketMq.getProducer().send(message, new SendCallback() {
                @Override
                public void onSuccess(SendResult result) {
                    log.debug("Timeout of order {} scheduled for {}", orderId, deadline);
                }

                @Override
                public void onException(Throwable failure) {
                    notSent.accept(failure);
                }
            }, SEND_TIMEOUT_MILLIS);
        } catch (Exception failure) {
            notSent.accept(failure);
        }
    }

    private byte[] body(PaymentTimeout timeout) throws JsonProcessingException {
        return json.writeValueAsString(timeout).getBytes(StandardCharsets.UTF_8);
    }
}
