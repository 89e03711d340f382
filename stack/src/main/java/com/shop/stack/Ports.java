package com.shop.stack;

/**
 * Every port of the local stack (docs/design.md#ports), in one place: the launcher checks and
 * starts on these, and the tests and load tools dial them. Everything listens on 127.0.0.1.
 */
public final class Ports {

    /** The embedded database; 3307, not 3306, so a developer's own MySQL may keep its port. */
    public static final int MARIADB = 3307;

    public static final int NACOS_HTTP = 8848;
    public static final int NACOS_GRPC = 9848;
    public static final int NACOS_CLUSTER_GRPC = 9849;
    public static final int NACOS_CONSOLE = 8080;
    public static final int NACOS_JRAFT = 7848;

    public static final int SEATA_RPC = 8091;
    public static final int SEATA_CONSOLE = 7091;

    public static final int ROCKETMQ_NAMESRV = 9876;
    public static final int ROCKETMQ_BROKER = 10911;
    public static final int ROCKETMQ_BROKER_FAST = 10909;
    public static final int ROCKETMQ_BROKER_HA = 10912;

    /** A service's Dubbo port is its HTTP port plus this: 8081 → 20881. */
    private static final int DUBBO_OFFSET = 12800;

    private Ports() {
    }

    /** A service's REST and actuator port: order-app 8081, goods-app 8082, … pay-app 8085. */
    public static int http(String service) {
        return switch (service) {
            case Components.ORDER -> 8081;
            case Components.GOODS -> 8082;
            case Components.COUPON -> 8083;
            case Components.USER -> 8084;
            case Components.PAY -> 8085;
            default -> throw new IllegalArgumentException("Not a service: " + service);
        };
    }

    public static int dubbo(String service) {
        return http(service) + DUBBO_OFFSET;
    }

    /** The base URL of a service's REST API and actuator: {@code http://127.0.0.1:8081}. */
    public static String url(String service) {
        return url(http(service));
    }

    public static String url(int port) {
        return "http://127.0.0.1:" + port;
    }
}
