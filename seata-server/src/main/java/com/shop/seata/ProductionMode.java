package com.shop.seata;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Production mode ({@code SHOP_PRODUCTION=true}) for the TC: it refuses to start while its console login,
 * its JWT signing key or its Nacos password is the local default of application.yml, or its store
 * database password is empty. The services do the same in their own runtime (support's
 * {@code ProductionMode}; the TC is a Spring Boot 2.7 application and shares no code with them). The
 * refusal names the settings, never their values.
 */
public class ProductionMode implements EnvironmentPostProcessor, Ordered {

    static final String SWITCH = "shop.production";

    /** Secrets with a local default in application.yml, and that default. */
    static final Map<String, String> LOCAL_DEFAULT_SECRETS = Map.of(
            "console.user.password", "seata-local-console",
            "seata.security.secretKey",
            "c2hvcC1sb2NhbC1zZWF0YS1jb25zb2xlLWp3dC1zaWduaW5nLWtleS1sb2NhbC1vbmx5IQ==",
            "seata.config.nacos.password", "nacos-local-admin",
            "seata.registry.nacos.password", "nacos-local-admin");

    /** Secrets whose local default is empty. */
    static final List<String> NON_EMPTY_SECRETS = List.of("seata.store.db.password");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        if (!env.getProperty(SWITCH, Boolean.class, false)) {
            return;
        }
        List<String> refused = refusals(env);
        if (!refused.isEmpty()) {
            throw new IllegalStateException("Production mode (SHOP_PRODUCTION=true) refuses to start the TC: "
                    + String.join("; ", refused));
        }
    }

    static List<String> refusals(ConfigurableEnvironment env) {
        List<String> refused = new ArrayList<>();
        LOCAL_DEFAULT_SECRETS.forEach((name, localDefault) -> {
            if (localDefault.equals(env.getProperty(name))) {
                refused.add(name + " is the local default");
            }
        });
        for (String name : NON_EMPTY_SECRETS) {
            String value = env.getProperty(name);
            if (value == null || value.trim().isEmpty()) {
                refused.add(name + " is empty");
            }
        }
        refused.sort(null);
        return refused;
    }

    /** Once application.yml is loaded, before any Seata or Nacos code runs. */
    @Override
    public int getOrder() {
        return ConfigDataEnvironmentPostProcessor.ORDER + 2;
    }
}
