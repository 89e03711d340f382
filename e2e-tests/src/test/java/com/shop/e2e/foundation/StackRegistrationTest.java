package com.shop.e2e.foundation;

import static org.assertj.core.api.Assertions.assertThat;

import com.shop.e2e.harness.StackExtension;
import com.shop.stack.Components;
import com.shop.stack.NacosOpenApi;
import com.shop.stack.Ports;
import com.shop.stack.Stack;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(StackExtension.class)
class StackRegistrationTest {

    @Test
    void everySpringAppIsRegisteredInNacosOnItsHttpPort(Stack stack) throws Exception {
        NacosOpenApi nacos = NacosOpenApi.of(stack.settings());
        for (String service : Components.SERVICES) {
            assertThat(nacos.healthyInstances(service, "DEFAULT_GROUP"))
                    .as("healthy instances of %s in Nacos", service)
                    .containsExactly("127.0.0.1:" + Ports.http(service));
        }
    }

    @Test
    void everyDubboProviderIsRegisteredInNacos(Stack stack) throws Exception {
        NacosOpenApi nacos = NacosOpenApi.of(stack.settings());
        List<String> names = nacos.serviceNames("DEFAULT_GROUP");
        for (String service : Components.SERVICES) {
            String provider = "providers:com.shop.api.probe.AtProbeService::" + service;
            assertThat(names).as("Dubbo providers registered in Nacos").contains(provider);
            assertThat(nacos.healthyInstances(provider, "DEFAULT_GROUP")).as(provider)
                    .containsExactly("127.0.0.1:" + Ports.dubbo(service));
        }
    }

    @Test
    void theSeataTcIsRegisteredInNacos(Stack stack) throws Exception {
        assertThat(NacosOpenApi.of(stack.settings()).healthyInstances("seata-server", "SEATA_GROUP"))
                .containsExactly("127.0.0.1:" + Ports.SEATA_RPC);
    }
}
