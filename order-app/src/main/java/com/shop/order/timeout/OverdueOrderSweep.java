package com.shop.order.timeout;

import com.shop.order.checkout.Orders;
import com.shop.support.config.LiveSettings;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The safety net under the timeout messages: every {@code shop.order.timeout-sweep.interval} it cancels,
 * through the same {@link ExpireOrder}, the unpaid orders whose pay deadline passed more than
 * {@code shop.order.timeout-sweep.grace} ago — their message was lost (broker down at checkout, a crash
 * before the send, a dead letter). The grace leaves the message its turn first. Several order-app
 * instances may sweep at once: a second cancel of one order waits for the first on the order row's
 * global lock and then finds it cancelled. Both settings are read on every round, so a value published
 * to Nacos applies without a restart.
 */
@Component
public class OverdueOrderSweep {

    static final String INTERVAL_KEY = "shop.order.timeout-sweep.interval";
    static final String GRACE_KEY = "shop.order.timeout-sweep.grace";
    private static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(30);
    private static final Duration DEFAULT_GRACE = Duration.ofSeconds(30);
    private static final int BATCH = 100;

    private static final Logger log = LoggerFactory.getLogger(OverdueOrderSweep.class);

    private final Orders orders;
    private final ExpireOrder expireOrder;
    private final Environment environment;
    private volatile Instant lastRound = Instant.EPOCH;

    public OverdueOrderSweep(Orders orders, ExpireOrder expireOrder, Environment environment) {
        this.orders = orders;
        this.expireOrder = expireOrder;
        this.environment = environment;
    }

    /** Cancels the overdue unpaid orders it finds, a batch per round. */
    void sweep() {
        LocalDateTime before = LocalDateTime.now().minus(grace());
        List<Long> overdue = orders.overdue(before, BATCH);
        for (long orderId : overdue) {
            try {
                if (expireOrder.expire(orderId) == ExpireOrder.Result.CANCELLED) {
                    log.warn("Order {} was overdue and still unpaid without its timeout message: cancelled by the sweep",
                            orderId);
                }
            } catch (RuntimeException failure) {
                log.warn("The sweep could not cancel overdue order {} now, next round tries again: {}", orderId,
                        failure.toString());
            }
        }
    }

    /** Ticks every second and sweeps when the configured interval has passed since the last round. */
    @Scheduled(fixedDelay = 1_000, initialDelay = 5_000)
    void tick() {
        if (Instant.now().isBefore(lastRound.plus(interval()))) {
            return;
        }
        lastRound = Instant.now();
        try {
            sweep();
        } catch (RuntimeException failure) {
            log.warn("Overdue-order sweep failed, next round tries again: {}", failure.toString());
        }
    }

    public Duration interval() {
        return setting(INTERVAL_KEY, DEFAULT_INTERVAL);
    }

    public Duration grace() {
        return setting(GRACE_KEY, DEFAULT_GRACE);
    }

    private Duration setting(String key, Duration fallback) {
        return LiveSettings.positiveDuration(environment, key, fallback);
    }
}
