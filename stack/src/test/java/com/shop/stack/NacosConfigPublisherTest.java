package com.shop.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class NacosConfigPublisherTest {

    @Test
    void fillsShopPlaceholdersFromTheEnvironmentAndFallsBackToTheirDefaults() {
        String content = "url: jdbc:mysql://${SHOP_DB_HOST:127.0.0.1}:${SHOP_DB_PORT:3307}/shop_order\n"
                + "password: ${SHOP_DB_PASSWORD:}\n";
        String filled = NacosConfigPublisher.fillPlaceholders(content, Map.of("SHOP_DB_HOST", "db.internal"));
        assertThat(filled).isEqualTo("url: jdbc:mysql://db.internal:3307/shop_order\npassword: \n");
    }

    @Test
    void leavesSpringPlaceholdersForTheServiceToResolve() {
        String content = "name: ${spring.application.name}\naddr: nacos://${spring.cloud.nacos.server-addr}\n";
        assertThat(NacosConfigPublisher.fillPlaceholders(content, Map.of())).isEqualTo(content);
    }

    @Test
    void keepsDollarSignsAndBackslashesInValuesLiteral() {
        assertThat(NacosConfigPublisher.fillPlaceholders("p: ${SHOP_DB_PASSWORD:}", Map.of("SHOP_DB_PASSWORD", "a$1\\b")))
                .isEqualTo("p: a$1\\b");
    }
}
