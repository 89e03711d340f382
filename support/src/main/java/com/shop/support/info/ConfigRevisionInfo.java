package com.shop.support.info;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.core.env.Environment;

/**
 * Shows in {@code /actuator/info} which revision of the Nacos configuration a process runs
 * ({@code shop.config.revision} in shop-common.yaml), so an operator can see a change arrive.
 * Read from the environment on each call: Nacos refreshes it in place.
 */
public class ConfigRevisionInfo implements InfoContributor {

    private final Environment environment;

    public ConfigRevisionInfo(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void contribute(Info.Builder builder) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("application", environment.getProperty("spring.application.name"));
        config.put("revision", environment.getProperty("shop.config.revision", "unknown"));
        builder.withDetail("config", config);
    }
}
