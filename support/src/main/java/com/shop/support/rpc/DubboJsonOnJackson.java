package com.shop.support.rpc;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Dubbo writes and reads its own JSON (registry metadata, routing rules) with the first library it
 * finds in the order fastjson2, fastjson, Jackson, Gson. fastjson2 is on our classpath only because
 * RocketMQ's remoting protocol needs it, so without this Dubbo would pick it by accident. This
 * chooses Jackson — the services' one JSON library — before Dubbo first asks, in every service,
 * however it is started. Dubbo reads the choice from a system property only; an operator's own
 * {@code -Ddubbo.json-framework.prefer} is left alone.
 */
public class DubboJsonOnJackson implements EnvironmentPostProcessor {

    static final String PREFER = "dubbo.json-framework.prefer";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (System.getProperty(PREFER) == null) {
            System.setProperty(PREFER, "jackson");
        }
    }
}
