package com.shop.stack;

import com.shop.api.order.PaymentTimeout;
import com.shop.api.payment.PaymentSucceeded;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    /** The order of the default snowflake worker ids (application.yml of each service): order-app 1 … pay-app 5. */
    private static final List<String> SERVICES_BY_WORKER_ID = List.of(ORDER, GOODS, COUPON, USER, PAY);

    /** The TC's store: global sessions, branches and row locks. */
    public static final String SEATA_DATABASE = "seata";

    /** Each service's own database, in the order of {@link #SERVICES}. */
    public static final List<String> SERVICE_DATABASES = SERVICES.stream().map(Components::database).toList();

    /** An instance name: the kind, and "-n" for every instance but the first (goods-app-2). */
    private static final Pattern INSTANCE = Pattern.compile("(.+?)(?:-([2-9]|[1-9][0-9]+))?");

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
                Map.of(), Map.of(s.dbPort(), "MariaDB"), Readiness.logLine("READY mariadb"),
                Duration.ofSeconds(120), Duration.ofSeconds(30));
    }

    static Component nacos(StackSettings s) {
        return new Component(NACOS, "infra/nacos", "com.shop.infra.nacos.EmbeddedNacos",
                // C1 only: no request of a checkout or a payment reaches Nacos (services read their settings and
                // providers at start and on a change), so C2's optimised code would buy nothing but its compile
                // time — CPU at start and for minutes after (docs/benchmarks.md, "Stack targets").
                List.of("-Xms256m", "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                        "-Dnacos.home=" + s.dataDir().resolve("nacos")),
                Map.of(), Map.of(Ports.NACOS_HTTP, "Nacos HTTP", Ports.NACOS_GRPC, "Nacos gRPC",
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
                Map.of(), Map.of(Ports.ROCKETMQ_NAMESRV, "RocketMQ name server", Ports.ROCKETMQ_BROKER, "RocketMQ broker",
                        Ports.ROCKETMQ_BROKER_FAST, "RocketMQ broker (fast)", Ports.ROCKETMQ_BROKER_HA, "RocketMQ broker (HA)"),
                Readiness.logLine("READY rocketmq"), Duration.ofSeconds(120), Duration.ofSeconds(40));
    }

    /**
     * The n-th TC: its own ports ({@link Ports#seataRpc}), data and log folders, and its own
     * {@code SERVER_NODE}, the worker id of the snowflake generator behind its transaction and branch
     * ids. Left to itself a TC derives that from the host's network card, so two TCs on one host would
     * hand out colliding branch ids into the one {@code seata} database they share.
     */
    static Component seata(StackSettings s, int instance) {
        String name = instance(SEATA, instance);
        int rpcPort = Ports.seataRpc(instance);
        int consolePort = Ports.seataConsole(instance);
        return new Component(name, "seata-server", "io.seata.server.ServerApplication",
                List.of("-Xms128m", "-Xmx384m", "-XX:+UseSerialGC",
                        "-Dserver.port=" + consolePort,
                        "-Dseata.log.path=" + s.logDir().resolve(name),
                        "-Dshop.seata.data.dir=" + s.dataDir().resolve(name),
                        "-Duser.home=" + s.dataDir().resolve(name)),
                Map.of("SEATA_PORT", String.valueOf(rpcPort), "SERVER_NODE", String.valueOf(instance)),
                Map.of(rpcPort, name + " RPC", consolePort, name + " console"),
                // The RPC port opens before registration in Nacos; this log line comes after both.
                Readiness.tcpOpen(rpcPort).and(Readiness.logLine("seata server started")),
                Duration.ofSeconds(180), Duration.ofSeconds(30));
    }

    /**
     * The n-th instance of a service: ports from {@link Ports#http}, snowflake worker id 1…5 for the
     * first instances, 11…15 for the second (tens = instance − 1), a home folder of its own (Dubbo keeps
     * a locked registry cache file there).
     */
    static Component service(StackSettings s, String service, int instance) {
        String name = instance(service, instance);
        String base = shortName(service);
        String mainClass = "com.shop." + base + "." + Character.toUpperCase(base.charAt(0)) + base.substring(1)
                + "Application";
        List<String> jvm = new ArrayList<>(SERVICE_JVM);
        jvm.add("-Duser.home=" + s.dataDir().resolve(instance == 1 ? "home" : "home-" + instance));
        jvm.add("-DJM.LOG.PATH=" + s.logDir().resolve("nacos-client"));
        jvm.add("-Drocketmq.client.logRoot=" + s.logDir().resolve("rocketmq-client"));
        String prefix = "SHOP_" + base.toUpperCase() + "_";
        Map<String, String> environment = instance == 1 ? Map.of() : Map.of(
                prefix + "HTTP_PORT", String.valueOf(Ports.http(name)),
                prefix + "DUBBO_PORT", String.valueOf(Ports.dubbo(name)),
                "SHOP_ID_WORKER_ID", String.valueOf(10 * (instance - 1) + SERVICES_BY_WORKER_ID.indexOf(service) + 1));
        return new Component(name, service, mainClass, jvm, environment,
                Map.of(Ports.http(name), name + " HTTP", Ports.dubbo(name), name + " Dubbo"),
                Readiness.http(Ports.url(name) + "/actuator/health", "\"status\":\"UP\""),
                Duration.ofSeconds(240), Duration.ofSeconds(25));
    }

    /** The name of a component's n-th instance: the first keeps the plain name, the others add "-n" (goods-app-2). */
    public static String instance(String kind, int instance) {
        if (instance < 1) {
            throw new IllegalArgumentException("Instances count from 1: " + instance);
        }
        return instance == 1 ? kind : kind + "-" + instance;
    }

    /** What an instance is an instance of: goods-app-2 → goods-app, seata-server → seata-server. */
    public static String kind(String instanceName) {
        return instanceParts(instanceName).group(1);
    }

    /** Which instance a name is: goods-app-2 → 2, goods-app → 1. */
    public static int instanceNumber(String instanceName) {
        String number = instanceParts(instanceName).group(2);
        return number == null ? 1 : Integer.parseInt(number);
    }

    private static Matcher instanceParts(String instanceName) {
        Matcher parts = INSTANCE.matcher(instanceName);
        if (!parts.matches()) {
            throw new IllegalArgumentException("Not an instance name: " + instanceName);
        }
        return parts;
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
