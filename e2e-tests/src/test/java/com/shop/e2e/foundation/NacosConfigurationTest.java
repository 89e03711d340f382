package com.shop.e2e.foundation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.shop.e2e.harness.Shop;
import com.shop.e2e.harness.StackExtension;
import com.shop.stack.Components;
import com.shop.stack.Http;
import com.shop.stack.NacosOpenApi;
import com.shop.stack.Stack;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(StackExtension.class)
class NacosConfigurationTest {

    @Test
    void aChangePublishedToNacosReachesEveryRunningService(Stack stack) throws Exception {
        NacosOpenApi nacos = NacosOpenApi.of(stack.settings());
        String original = nacos.readConfig("DEFAULT_GROUP", "shop-common.yaml");
        assertThat(original).as("shop-common.yaml as published at stack start").contains("revision: 1");
        for (String service : Components.SERVICES) {
            assertThat(revisionOf(service)).as("revision %s runs before the change", service).isEqualTo("1");
        }

        nacos.publishConfig("DEFAULT_GROUP", "shop-common.yaml", original.replace("revision: 1", "revision: 2"));
        try {
            for (String service : Components.SERVICES) {
                await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                        .untilAsserted(() -> assertThat(revisionOf(service))
                                .as("revision %s runs after the change", service).isEqualTo("2"));
            }
        } finally {
            nacos.publishConfig("DEFAULT_GROUP", "shop-common.yaml", original);
        }
        for (String service : Components.SERVICES) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(revisionOf(service)).isEqualTo("1"));
        }
    }

    private static String revisionOf(String service) {
        Http.Response info = Http.get(Shop.actuator(service, "info"));
        assertThat(info.status()).isEqualTo(200);
        return info.json().path("config").path("revision").asText();
    }
}
