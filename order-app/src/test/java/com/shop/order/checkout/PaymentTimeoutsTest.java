package com.shop.order.checkout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import com.shop.order.mq.PaymentTimeoutMessages;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** The payment timeout as configured: Spring Boot's duration forms, and a safe fallback for anything else. */
class PaymentTimeoutsTest {

    private final MockEnvironment environment = new MockEnvironment();
    private final PaymentTimeouts timeouts = new PaymentTimeouts(environment, mock(PaymentTimeoutMessages.class));

    @Test
    void withoutASettingAnOrderWaitsThirtyMinutes() {
        assertThat(timeouts.timeout()).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void theSettingTakesSimpleAndIsoDurations() {
        environment.setProperty(PaymentTimeouts.TIMEOUT_KEY, "10s");
        assertThat(timeouts.timeout()).isEqualTo(Duration.ofSeconds(10));
        environment.setProperty(PaymentTimeouts.TIMEOUT_KEY, "PT2H");
        assertThat(timeouts.timeout()).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void aChangeAppliesToTheNextRead() {
        environment.setProperty(PaymentTimeouts.TIMEOUT_KEY, "15m");
        assertThat(timeouts.timeout()).isEqualTo(Duration.ofMinutes(15));
        environment.setProperty(PaymentTimeouts.TIMEOUT_KEY, "5m");
        assertThat(timeouts.timeout()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void zeroNegativeOrGarbageFallsBackToThirtyMinutesInsteadOfCancellingAtOnce() {
        for (String bad : new String[] {"0s", "-5m", "soon", " "}) {
            environment.setProperty(PaymentTimeouts.TIMEOUT_KEY, bad);
            assertThat(timeouts.timeout()).as(bad).isEqualTo(Duration.ofMinutes(30));
        }
    }
}
