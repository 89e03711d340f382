package com.shop.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InstancesTest {

    private static final Path ROOT = Path.of("/repo");
    private static final StackSettings LOCAL = StackSettings.from(Map.of(), ROOT, ROOT.resolve("d"), true);

    @Test
    void theFirstInstanceKeepsThePlainNameAndTheOthersAddTheirNumber() {
        assertThat(Components.instance(Components.GOODS, 1)).isEqualTo("goods-app");
        assertThat(Components.instance(Components.GOODS, 2)).isEqualTo("goods-app-2");
        assertThat(Components.kind("goods-app-2")).isEqualTo("goods-app");
        assertThat(Components.instanceNumber("goods-app-2")).isEqualTo(2);
        assertThat(Components.kind("seata-server")).isEqualTo("seata-server");
        assertThat(Components.instanceNumber("seata-server")).isEqualTo(1);
        assertThat(Components.instanceNumber("seata-server-12")).isEqualTo(12);
    }

    @Test
    void aSecondServiceInstanceListensOneHundredPortsUpWithAWorkerIdOfItsOwn() {
        Component first = Components.service(LOCAL, Components.ORDER, 1);
        Component second = Components.service(LOCAL, Components.ORDER, 2);
        assertThat(first.ports()).containsOnlyKeys(8081, 20881);
        assertThat(first.environment()).isEmpty();
        assertThat(second.ports()).containsOnlyKeys(8181, 20981);
        assertThat(second.environment()).containsEntry("SHOP_ORDER_HTTP_PORT", "8181")
                .containsEntry("SHOP_ORDER_DUBBO_PORT", "20981").containsEntry("SHOP_ID_WORKER_ID", "11");
        assertThat(Components.service(LOCAL, Components.PAY, 2).environment()).containsEntry("SHOP_ID_WORKER_ID", "15");
        assertThat(second.jvmOptions()).contains("-Duser.home=" + ROOT.resolve("d/home-2"));
    }

    @Test
    void everyTcHasItsOwnPortsAndSnowflakeNode() {
        Component second = Components.seata(LOCAL, 2);
        assertThat(second.name()).isEqualTo("seata-server-2");
        assertThat(second.ports()).containsOnlyKeys(8092, 7092);
        assertThat(second.environment()).containsEntry("SEATA_PORT", "8092").containsEntry("SERVER_NODE", "2");
        assertThat(second.jvmOptions()).contains("-Dserver.port=7092");
        assertThat(Components.seata(LOCAL, 1).environment()).containsEntry("SERVER_NODE", "1");
    }

    @Test
    void aStackWithTwoReplicasHasTwoOfEveryServiceAndTc() {
        Stack stack = new Stack(LOCAL, 2, message -> { });
        assertThat(stack.instancesOf(Components.SEATA)).containsExactly("seata-server", "seata-server-2");
        assertThat(stack.instancesOf(Components.ORDER)).containsExactly("order-app", "order-app-2");
        assertThat(stack.componentNames()).hasSize(4 + 2 * 5 + 1).containsOnlyOnce("mariadb");
        assertThat(stack.addInstances(2)).as("nothing new").isEmpty();
        assertThat(stack.addInstances(3)).hasSize(6);
    }

    @Test
    void everyInstanceStopsInTheWaveOfItsKind() {
        List<String> stopped = new ArrayList<>();
        StopOrder.stopAll(List.of("mariadb", "goods-app-2", "order-app", "seata-server-2", "order-app-2", "goods-app"),
                name -> {
                    synchronized (stopped) {
                        stopped.add(name);
                    }
                });
        assertThat(stopped.subList(0, 2)).containsExactlyInAnyOrder("order-app", "order-app-2");
        assertThat(stopped.subList(2, 4)).containsExactlyInAnyOrder("goods-app", "goods-app-2");
        assertThat(stopped.subList(4, 6)).containsExactly("seata-server-2", "mariadb");
    }
}
