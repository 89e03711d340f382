package com.shop.order.checkout;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.shop.api.order.PaymentTimeout;
import com.shop.order.db.OrderRecord;
import com.shop.support.fault.FaultInjector;
import com.shop.support.config.LiveSettings;
import com.shop.support.fault.FaultPoint;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.apache.rocketmq.client.producer.SendCallback;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.spring.core.RocketMQTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The order timeout's clock. How long an order may wait for its payment is
 * {@code shop.order.payment-timeout}, read at each confirm, so a value published to Nacos applies
 * from the next order on; each order keeps its own pay deadline. The timeout message is a RocketMQ
 * timer message due at that deadline, sent once the checkout's global transaction committed, never
 * before (an order that was rolled back must not be cancelled). The send is asynchronous and a
 * failure only logged: the checkout has happened, and the sweep ({@code timeout.OverdueOrderSweep}) cancels
 * an order whose message never made it.
 */
@Component
public class PaymentTimeouts {

    public static final String TIMEOUT_KEY = "shop.order.payment-timeout";
    static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(30);
    private static final long SEND_TIMEOUT_MILLIS = 3_000;

    private static final Logger log = LoggerFactory.getLogger(PaymentTimeouts.class);

    private final Environment environment;
    private final RocketMQTemplate rocketMq;
    private final ObjectMapper json;
    private final FaultInjector faults;

    public PaymentTimeouts(Environment environment, RocketMQTemplate rocketMq, ObjectMapper json, FaultInjector faults) {
        this.environment = environment;
        this.rocketMq = rocketMq;
        this.json = json;
        this.faults = faults;
    }

    /** The payment timeout now in force; a value that is not a positive duration falls back to 30 minutes. */
    public Duration timeout() {
        return LiveSettings.positiveDuration(environment, TIMEOUT_KEY, DEFAULT_TIMEOUT);
    }

    /** Sends the confirmed order's timeout message, due at its pay deadline. */
    public void schedule(OrderRecord order) {
        long orderId = order.getOrderId();
        Instant deadline = order.getPayDeadline().atZone(ZoneId.systemDefault()).toInstant();
        try {
            faults.at(FaultPoint.ORDER_BEFORE_SCHEDULE_TIMEOUT);
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
                    lost(orderId, failure);
                }
            }, SEND_TIMEOUT_MILLIS);
        } catch (Exception failure) {
            lost(orderId, failure);
        }
    }

    private static void lost(long orderId, Throwable failure) {
        log.warn("The timeout message of order {} was not sent ({}); the overdue-order sweep will cancel it if unpaid",
                orderId, failure.toString());
    }

    private byte[] body(PaymentTimeout timeout) throws JsonProcessingException {
        return json.writeValueAsString(timeout).getBytes(StandardCharsets.UTF_8);
    }
}
