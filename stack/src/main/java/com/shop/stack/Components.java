package com.shop.stack;

import com.shop.api.order.PaymentTimeout;
import com.shop.api.payment.PaymentSucceeded;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The processes of the local stack, with their ports ({@link Ports}), databases and readiness checks. */
public final class Components {

    public static final String MARIADB = "mariadb";
    public static final String NACOS = "nacos";
    public static final String ROCKETMQ = "rocketmq";
    public static final String SEATA = "seata-server";
    public static final String ORDER = "order-app";
    public static final String GOODS = "goods-app";
    public static final String COUPON = "coupon-app";
    public static final String USER = "user-app";
    public static final String PAY = "pay-app";

    /** Providers first, order-app (the consumer of all of them) last. */
    public static final List<String> SERVICES = List.of(GOODS, COUPON, USER, PAY, ORDER);

    /** The TC's store: global sessions, branches and row locks. */
    public static final String SEATA_DATABASE = "seata";

    /** Each service's own database, in the order of {@link #SERVICES}. */
    public static final List<String> SERVICE_DATABASES = SERVICES.stream().map(Components::database).toList();

    private static final List<String> SERVICE_JVM = List.of("-Xms64m", "-Xmx384m", "-XX:+UseSerialGC", "-Xss512k",
            // hessian2 serialises provider exceptions only with these opens
            // (docs/stack-traps.md#6-provider-exceptions-over-hessian2-on-jdk-17).
            "--add-opens", "java.base/java.lang=ALL-UNNAMED", "--add-opens", "java.base/java.math=ALL-UNNAMED",
            "--add-opens", "java.base/java.util=ALL-UNNAMED");

    private Components() {
    }

    static Component mariadb(StackSettings s) {
        return new Component(MARIADB, "infra/mariadb", "com.shop.infra.mariadb.EmbeddedMariaDb",
                List.of("-Xmx64m", "-XX:+UseSerialGC",
                        "-Dmariadb.port=" + s.dbPort(),
                        "-Dmariadb.dataDir=" + s.dataDir().resolve("mariadb/data"),
                        "-Dmariadb.baseDir=" + s.dataDir().resolve("mariadb/base")),
                Map.of(s.dbPort(), "MariaDB"), Readiness.logLine("READY mariadb"),
                Duration.ofSeconds(120), Duration.ofSeconds(30));
    }

    static Component nacos(StackSettings s) {
        return new Component(NACOS, "infra/nacos", "com.shop.infra.nacos.EmbeddedNacos",
                List.of("-Xms256m", "-Xmx512m", "-XX:+UseSerialGC",
                        "-Dnacos.home=" + s.dataDir().resolve("nacos")),
                Map.of(Ports.NACOS_HTTP, "Nacos HTTP", Ports.NACOS_GRPC, "Nacos gRPC",
                        Ports.NACOS_CLUSTER_GRPC, "Nacos cluster gRPC", Ports.NACOS_CONSOLE, "Nacos console",
                        Ports.NACOS_JRAFT, "Nacos JRaft"),
                Readiness.logLine("READY nacos"), Duration.ofSeconds(180), Duration.ofSeconds(30));
    }

    static Component rocketmq(StackSettings s) {
        return new Component(ROCKETMQ, "infra/rocketmq", "com.shop.infra.rocketmq.EmbeddedRocketMq",
                List.of("-Xms128m", "-Xmx512m", "-XX:+UseSerialGC",
                        "-Drocketmq.dataDir=" + s.dataDir().resolve("rocketmq"),
                        // The shop's topics (docs/design.md#payment): created up front, so the first event is not
                        // waiting for subscribers to discover a topic that appeared with it.
                        "-Drocketmq.topics=" + PaymentSucceeded.TOPIC + "," + PaymentTimeout.TOPIC),
                Map.of(Ports.ROCKETMQ_NAMESRV, "RocketMQ name server", Ports.ROCKETMQ_BROKER, "RocketMQ broker",
                        Ports.ROCKETMQ_BROKER_FAST, "RocketMQ broker (fast)", Ports.ROCKETMQ_BROKER_HA, "RocketMQ broker (HA)"),
                Readiness.logLine("READY rocketmq"), Duration.ofSeconds(120), Duration.ofSeconds(40));
    }

    static Component seata(StackSettings s) {
        return new Component(SEATA, "seata-server", "io.seata.server.ServerApplication",
                List.of("-Xms128m", "-Xmx384m", "-XX:+UseSerialGC",
                        "-Dseata.log.path=" + s.logDir().resolve("seata-server"),
                        "-Dshop.seata.data.dir=" + s.dataDir().resolve("seata-server"),
                        "-Duser.home=" + s.dataDir().resolve("seata-server")),
                Map.of(Ports.SEATA_RPC, "Seata TC RPC", Ports.SEATA_CONSOLE, "Seata console"),
                // The RPC port opens before registration in Nacos; this log line comes after both.
                Readiness.tcpOpen(Ports.SEATA_RPC).and(Readiness.logLine("seata server started")),
                Duration.ofSeconds(180), Duration.ofSeconds(30));
    }

    static Component service(StackSettings s, String name) {
        String base = shortName(name);
        String mainClass = "com.shop." + base + "." + Character.toUpperCase(base.charAt(0)) + base.substring(1)
                + "Application";
        List<String> jvm = new ArrayList<>(SERVICE_JVM);
        jvm.add("-Duser.home=" + s.dataDir().resolve("home"));
        jvm.add("-DJM.LOG.PATH=" + s.logDir().resolve("nacos-client"));
        jvm.add("-Drocketmq.client.logRoot=" + s.logDir().resolve("rocketmq-client"));
        return new Component(name, name, mainClass, jvm,
                Map.of(Ports.http(name), name + " HTTP", Ports.dubbo(name), name + " Dubbo"),
                Readiness.http(Ports.url(name) + "/actuator/health", "\"status\":\"UP\""),
                Duration.ofSeconds(240), Duration.ofSeconds(25));
    }

    /** The database a service owns: {@code shop_} and its short name (order-app → shop_order). */
    public static String database(String service) {
        return "shop_" + shortName(service);
    }

    /** order-app → order. */
    private static String shortName(String service) {
        if (!SERVICES.contains(service)) {
            throw new IllegalArgumentException("Not a service: " + service);
        }
        return service.substring(0, service.indexOf('-'));
    }
}
