package com.shop.support;

import java.util.Map;
import org.springframework.boot.SpringApplication;

/**
 * How every service's {@code main} starts Spring: a start that fails ends the process with exit code 1.
 * Without this, a failed start (the RocketMQ name server unreachable while the message listeners start,
 * say) closes the Spring context but leaves the JVM running on the non-daemon threads Seata, Dubbo and
 * Netty started before the failure: a process that is alive, never ready and never restarted by its
 * supervisor. Found by the chaos soak (docs/stack-traps.md#29-a-failed-start-leaves-the-jvm-running).
 *
 * <p>It also pins the Seata client settings that must not change while the service runs, as JVM
 * system properties under Seata's own key names (an operator's own {@code -D} wins): Seata reads a
 * system property before any configuration source, so no publication in Nacos can change them
 * (docs/stack-traps.md#26). And it sets how often its Nacos clients check an idle connection.
 */
public final class ServiceMain {

    /**
     * The RM sends each message at once instead of through a merge thread that wakes every millisecond
     * (1 % of a core per idle service). Off from the start, the merge thread is never created, so this
     * must never blink back on: a branch registration made in that blink waits in a basket nobody empties.
     */
    static final Map<String, String> PINNED_SEATA_SETTINGS = Map.of(
            "transport.enableRmClientBatchSendRequest", "false");

    /**
     * Each of a service's five Nacos clients (Spring Cloud's configuration and discovery, Dubbo's registry,
     * Seata's configuration center and registry) health-checks its gRPC connection after 5 s without
     * traffic: a round trip every second per service, idle or not. After 20 s instead, as often as the
     * Nacos server probes idle connections itself anyway (docs/benchmarks.md, "Stack targets"). A Nacos
     * that ends closes the connections, which the clients notice at once; only a frozen one is noticed
     * 15 s later than before, while the services go on with the settings and providers they have.
     */
    static final Map<String, String> NACOS_CLIENT_SETTINGS = Map.of(
            "nacos.remote.client.grpc.connect.keep.alive", "20000");

    private ServiceMain() {
    }

    public static void run(Class<?> application, String[] args) {
        PINNED_SEATA_SETTINGS.forEach(System.getProperties()::putIfAbsent);
        NACOS_CLIENT_SETTINGS.forEach(System.getProperties()::putIfAbsent);
        try {
            SpringApplication.run(application, args);
        } catch (Throwable failed) {
            // Spring has logged why ("Application run failed") and closed the context.
            System.exit(1);
        }
    }
}
