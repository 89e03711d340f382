package com.shop.order.checkout;

import com.shop.order.db.OrderRecord;
import com.shop.order.mq.PaymentTimeoutMessages;
import com.shop.support.config.LiveSettings;
import java.time.Duration;
import java.time.ZoneId;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The order timeout's clock. How long an order may wait for its payment is
 * {@code shop.order.payment-timeout}, read at each confirm, so a value published to Nacos applies
 * from the next order on; each order keeps its own pay deadline. The timeout message
 * ({@link PaymentTimeoutMessages}) is sent once the checkout's global transaction committed, never
 * before (an order that was rolled back must not be cancelled).
 */
@Component
public class PaymentTimeouts {

    public static final String TIMEOUT_KEY = "shop.order.payment-timeout";
    static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(30);

    private final Environment environment;
    private final PaymentTimeoutMessages messages;

    public PaymentTimeouts(Environment environment, PaymentTimeoutMessages messages) {
        this.environment = environment;
        this.messages = messages;
    }

    /** The payment timeout now in force; a value that is not a positive duration falls back to 30 minutes. */
    public Duration timeout() {
        return LiveSettings.positiveDuration(environment, TIMEOUT_KEY, DEFAULT_TIMEOUT);
    }

    /** Sends the confirmed order's timeout message, due at its pay deadline. */
    public void schedule(OrderRecord order) {
        messages.send(order.getOrderId(), order.getPayDeadline().atZone(ZoneId.systemDefault()).toInstant());
    }
}
