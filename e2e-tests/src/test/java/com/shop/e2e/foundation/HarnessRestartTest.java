package com.shop.e2e.foundation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.shop.e2e.harness.Shop;
import com.shop.e2e.harness.StackExtension;
import com.shop.stack.Components;
import com.shop.stack.Http;
import com.shop.stack.Stack;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The harness every failure-injection test stands on: kill a chosen process hard, start it again. */
@ExtendWith(StackExtension.class)
class HarnessRestartTest {

    @Test
    void aProviderKilledWithSigkillIsUnreachableAndServesAgainAfterRestart(Stack stack) {
        long pidBefore = stack.pid(Components.GOODS);
        stack.kill(Components.GOODS);
        assertThat(ProcessHandle.of(pidBefore)).as("goods-app process after SIGKILL").isEmpty();
        assertThat(Http.get(Shop.actuator(Components.ORDER, "atprobe")).status())
                .as("order-app pinging every provider while goods-app is dead").isGreaterThanOrEqualTo(500);

        stack.start(Components.GOODS);
        assertThat(stack.pid(Components.GOODS)).isNotEqualTo(pidBefore);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            Http.Response ping = Http.get(Shop.actuator(Components.ORDER, "atprobe"));
            assertThat(ping.status()).isEqualTo(200);
            assertThat(ping.json().path("goods-app").path("database").asText()).isEqualTo("shop_goods");
        });
    }
}
