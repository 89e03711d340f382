package com.shop.order.timeout;

import com.shop.order.checkout.PaymentTimeouts;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.stereotype.Component;

/**
 * Shows in {@code /actuator/info} the order-timeout settings this process runs with now (ISO-8601
 * durations), so an operator — or a test — sees a value published to Nacos arrive.
 */
@Component
public class OrderTimeoutInfo implements InfoContributor {

    private final PaymentTimeouts timeouts;
    private final OverdueOrderSweep sweep;

    public OrderTimeoutInfo(PaymentTimeouts timeouts, OverdueOrderSweep sweep) {
        this.timeouts = timeouts;
        this.sweep = sweep;
    }

    @Override
    public void contribute(Info.Builder builder) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("paymentTimeout", timeouts.timeout().toString());
        settings.put("sweepInterval", sweep.interval().toString());
        settings.put("sweepGrace", sweep.grace().toString());
        builder.withDetail("orderTimeout", settings);
    }
}
