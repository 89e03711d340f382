package com.shop.support.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Production mode ({@code SHOP_PRODUCTION=true}): a service refuses to start while any secret it uses
 * is a local default committed in this repository or empty, or while a switch meant for local runs
 * and tests is on. The local defaults exist so that a first run needs no setup; without this check they
 * would be used just as silently in production. The refusal names the settings, never their values.
 *
 * <p>Runs after the configuration (Nacos included) is loaded, before anything connects anywhere.
 */
public class ProductionMode implements EnvironmentPostProcessor, Ordered {

    static final String SWITCH = "shop.production";

    /** Secrets with a committed local default (shop-nacos.yml, nacos-config/), and that default. */
    static final Map<String, String> LOCAL_DEFAULT_SECRETS = Map.of(
            "spring.cloud.nacos.password", "nacos-local-admin",
            "shop.payment.callback-secret", "local-only-callback-secret-change-me",
            "shop.operator.token", "local-operator-token");

    /** Secrets whose local default is empty. */
    static final List<String> NON_EMPTY_SECRETS = List.of("spring.datasource.password");

    /** Switches for local runs and tests only: fault injection, the AT probe's write to every database. */
    static final List<String> LOCAL_ONLY_SWITCHES = List.of("shop.faults.enabled", "shop.atprobe.enabled");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.getProperty(SWITCH, Boolean.class, false)) {
            return;
        }
        List<String> refused = refusals(environment);
        if (!refused.isEmpty()) {
            throw new IllegalStateException("Production mode (SHOP_PRODUCTION=true) refuses to start: "
                    + String.join("; ", refused));
        }
    }

    static List<String> refusals(ConfigurableEnvironment environment) {
        List<String> refused = new ArrayList<>();
        LOCAL_DEFAULT_SECRETS.forEach((name, localDefault) -> {
            if (localDefault.equals(environment.getProperty(name))) {
                refused.add(name + " is the local default");
            }
        });
        for (String name : NON_EMPTY_SECRETS) {
            String value = environment.getProperty(name);
            if (value == null || value.isBlank()) {
                refused.add(name + " is empty");
            }
        }
        for (String name : LOCAL_ONLY_SWITCHES) {
            if (environment.getProperty(name, Boolean.class, false)) {
                refused.add(name + " is on");
            }
        }
        refused.sort(null);
        return refused;
    }

    @Override
    public int getOrder() {
        // After Spring's ConfigDataEnvironmentPostProcessor, which loads application.yml and the Nacos imports.
        return Ordered.LOWEST_PRECEDENCE;
    }
}
