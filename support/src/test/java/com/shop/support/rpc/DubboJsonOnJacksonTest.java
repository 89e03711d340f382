package com.shop.support.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.util.List;
import java.util.Map;

import org.apache.dubbo.common.json.JsonUtil;
import org.apache.dubbo.common.json.impl.JacksonImpl;
import org.apache.dubbo.common.utils.JsonUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.DefaultBootstrapContext;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.env.EnvironmentPostProcessorsFactory;
import org.springframework.core.env.StandardEnvironment;

class DubboJsonOnJacksonTest {

    @AfterEach
    void forgetTheChoice() throws ReflectiveOperationException {
        System.clearProperty(DubboJsonOnJackson.PREFER);
        dubbosChoice(null);
    }

    @Test
    void everyServiceStartedWithSupportMakesDubboWriteItsJsonWithJackson() throws ReflectiveOperationException {
        System.clearProperty(DubboJsonOnJackson.PREFER);
        dubbosChoice(null);

        // The post-processors Spring Boot runs before any bean exists, found the way it finds them.
        List<EnvironmentPostProcessor> processors = EnvironmentPostProcessorsFactory
                .fromSpringFactories(getClass().getClassLoader())
                .getEnvironmentPostProcessors(destination -> destination.get(), new DefaultBootstrapContext());
        EnvironmentPostProcessor ours = processors.stream()
                .filter(DubboJsonOnJackson.class::isInstance).findFirst().orElseThrow();
        ours.postProcessEnvironment(new StandardEnvironment(), null);

        // fastjson2 is on this classpath too (RocketMQ needs it) and comes first in Dubbo's own order.
        assertThat(JsonUtils.getJson()).isInstanceOf(JacksonImpl.class);
        assertThat(JsonUtils.toJson(Map.of("revision", 7))).isEqualTo("{\"revision\":7}");
    }

    @Test
    void withoutItDubboWouldTakeFastjson2() throws ReflectiveOperationException {
        System.clearProperty(DubboJsonOnJackson.PREFER);
        dubbosChoice(null);

        assertThat(JsonUtils.getJson().getName()).isEqualTo("fastjson2");
    }

    @Test
    void anOperatorsOwnChoiceStays() {
        System.setProperty(DubboJsonOnJackson.PREFER, "fastjson2");

        new DubboJsonOnJackson().postProcessEnvironment(new StandardEnvironment(), null);

        assertThat(System.getProperty(DubboJsonOnJackson.PREFER)).isEqualTo("fastjson2");
    }

    /** Dubbo decides once per JVM; the tests here need it to decide again. */
    private static void dubbosChoice(JsonUtil choice) throws ReflectiveOperationException {
        Field field = JsonUtils.class.getDeclaredField("jsonUtil");
        field.setAccessible(true);
        field.set(null, choice);
    }
}
