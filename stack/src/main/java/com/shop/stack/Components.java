package com.shop.stack;

import com.shop.api.order.PaymentTimeout;
import com.shop.api.payment.PaymentSucceeded;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The processes of the local stack, with their ports (docs/design.md#ports) and readiness checks. */
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
                Map.of(8848, "Nacos HTTP", 9848, "Nacos gRPC", 9849, "Nacos cluster gRPC", 8080, "Nacos console",
                        7848, "Nacos JRaft"),
                Readiness.logLine("READY nacos"), Duration.ofSeconds(180), Duration.ofSeconds(30));
    }

    static Component rocketmq(StackSettings s) {
        return new Component(ROCKETMQ, "infra/rocketmq", "com.shop.infra.rocketmq.EmbeddedRocketMq",
                List.of("-Xms128m", "-Xmx512m", "-XX:+UseSerialGC",
                        "-Drocketmq.dataDir=" + s.dataDir().resolve("rocketmq"),
                        // The shop's topics (docs/design.md#payment): created up front, so the first event is not
                        // waiting for subscribers to discover a topic that appeared with it.
                        "-Drocketmq.topics=" + PaymentSucceeded.TOPIC + "," + PaymentTimeout.TOPIC),
                Map.of(9876, "RocketMQ name server", 10911, "RocketMQ broker", 10909, "RocketMQ broker (fast)",
                        10912, "RocketMQ broker (HA)"),
                Readiness.logLine("READY rocketmq"), Duration.ofSeconds(120), Duration.ofSeconds(40));
    }

    static Component seata(StackSettings s) {
        return new Component(SEATA, "seata-server", "io.seata.server.ServerApplication",
                List.of("-Xms128m", "-Xmx384m", "-XX:+UseSerialGC",
                        "-Dseata.log.path=" + s.logDir().resolve("seata-server"),
                        "-Dshop.seata.data.dir=" + s.dataDir().resolve("seata-server"),
                        "-Duser.home=" + s.dataDir().resolve("seata-server")),
                Map.of(8091, "Seata TC RPC", 7091, "Seata console"),
                // The RPC port opens before registration in Nacos; this log line comes after both.
                Readiness.tcpOpen(8091).and(Readiness.logLine("seata server started")),
                Duration.ofSeconds(180), Duration.ofSeconds(30));
    }

    static Component service(StackSettings s, String name) {
        if (!SERVICES.contains(name)) {
            throw new IllegalArgumentException("Not a service: " + name);
        }
        int httpPort = httpPort(name);
        String base = name.substring(0, name.indexOf('-'));
        String mainClass = "com.shop." + base + "." + Character.toUpperCase(base.charAt(0)) + base.substring(1)
                + "Application";
        List<String> jvm = new ArrayList<>(SERVICE_JVM);
        jvm.add("-Duser.home=" + s.dataDir().resolve("home"));
        jvm.add("-DJM.LOG.PATH=" + s.logDir().resolve("nacos-client"));
        jvm.add("-Drocketmq.client.logRoot=" + s.logDir().resolve("rocketmq-client"));
        return new Component(name, name, mainClass, jvm,
                Map.of(httpPort, name + " HTTP", httpPort + 12800, name + " Dubbo"),
                Readiness.http("http://127.0.0.1:" + httpPort + "/actuator/health", "\"status\":\"UP\""),
                Duration.ofSeconds(240), Duration.ofSeconds(25));
    }

    public static int httpPort(String service) {
        return switch (service) {
            case ORDER -> 8081;
            case GOODS -> 8082;
            case COUPON -> 8083;
            case USER -> 8084;
            case PAY -> 8085;
            default -> throw new IllegalArgumentException(service);
        };
    }
}
