package com.shop.order.checkout;

import com.shop.order.db.OrderRecord;
import com.shop.order.mq.PaymentTimeoutMessages;
import com.shop.support.config.LiveSettings;
import java.time.Duration;
import java.time.ZoneId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The order timeout's clock. How long an order may wait for its payment is
 * {@code shop.order.payment-timeout}, read at each confirm, so a value published to Nacos applies
 * from the next order on; each order keeps its own pay deadline. The timeout message
 * ({@link PaymentTimeoutMessages}) is sent once the checkout's global transaction committed, never
 * before (an order that was rolled back must not be cancelled). A message that could not be sent is
 * only logged: the checkout has happened, and the sweep ({@code timeout.OverdueOrderSweep}) cancels an
 * order whose message never made it.
 */
@Component
public class PaymentTimeouts {

    private static final Logger log = LoggerFactory.getLogger(PaymentTimeouts.class);

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

    /** Sends the confirmed order's timeout message, due at its pay deadline; never fails the checkout. */
    public void schedule(OrderRecord order) {
        long orderId = order.getOrderId();
        try {
            messages.send(orderId, order.getPayDeadline().atZone(ZoneId.systemDefault()).toInstant(),
                    failure -> lost(orderId, failure));
        } catch (RuntimeException failure) {
            lost(orderId, failure);
        }
    }

    private static void lost(long orderId, Throwable failure) {
        log.warn("The timeout message of order {} was not sent ({}); the overdue-order sweep will cancel it if unpaid",
                orderId, failure.toString());
    }
}
