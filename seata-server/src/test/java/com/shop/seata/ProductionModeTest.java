package com.shop.seata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class ProductionModeTest {

    private final ProductionMode mode = new ProductionMode();

    @Test
    void productionRefusesTheTcsLocalDefaultsByName() {
        Map<String, Object> settings = new HashMap<>();
        settings.put("shop.production", "true");
        settings.put("console.user.password", "seata-local-console");
        settings.put("seata.security.secretKey", "c2hvcC1sb2NhbC1zZWF0YS1jb25zb2xlLWp3dC1zaWduaW5nLWtleS1sb2NhbC1vbmx5IQ==");
        settings.put("seata.config.nacos.password", "nacos-local-admin");
        settings.put("seata.registry.nacos.password", "real");
        settings.put("seata.store.db.password", "");

        assertThatThrownBy(() -> mode.postProcessEnvironment(environment(settings), null))
                .hasMessageContainingAll("console.user.password is the local default",
                        "seata.security.secretKey is the local default", "seata.config.nacos.password is the local default",
                        "seata.store.db.password is empty")
                .hasMessageNotContaining("seata.registry.nacos.password")
                .hasMessageNotContaining("seata-local-console");
    }

    @Test
    void aLocalRunIsNotChecked() {
        Map<String, Object> settings = new HashMap<>();
        settings.put("console.user.password", "seata-local-console");
        ConfigurableEnvironment local = environment(settings);

        mode.postProcessEnvironment(local, null);
        assertThat(ProductionMode.refusals(local)).isNotEmpty();
    }

    private static ConfigurableEnvironment environment(Map<String, Object> settings) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", settings));
        return environment;
    }
}
