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

    /** The n-th instance of a service listens this much above the first: goods-app-2 on 8182 and 20982. */
    private static final int SERVICE_INSTANCE_STEP = 100;

    private Ports() {
    }

    /**
     * A service instance's REST and actuator port: order-app 8081, goods-app 8082, … pay-app 8085; a
     * second instance ({@link Components#instance}) 100 above: order-app-2 8181.
     */
    public static int http(String serviceInstance) {
        int first = switch (Components.kind(serviceInstance)) {
            case Components.ORDER -> 8081;
            case Components.GOODS -> 8082;
            case Components.COUPON -> 8083;
            case Components.USER -> 8084;
            case Components.PAY -> 8085;
            default -> throw new IllegalArgumentException("Not a service: " + serviceInstance);
        };
        return first + SERVICE_INSTANCE_STEP * (Components.instanceNumber(serviceInstance) - 1);
    }

    public static int dubbo(String serviceInstance) {
        return http(serviceInstance) + DUBBO_OFFSET;
    }

    /** The n-th TC's RPC port: 8091, 8092, … */
    public static int seataRpc(int instance) {
        return SEATA_RPC + instance - 1;
    }

    /** The n-th TC's console (HTTP) port: 7091, 7092, … */
    public static int seataConsole(int instance) {
        return SEATA_CONSOLE + instance - 1;
    }

    /** The base URL of a service instance's REST API and actuator: {@code http://127.0.0.1:8081}. */
    public static String url(String serviceInstance) {
        return url(http(serviceInstance));
    }

    public static String url(int port) {
        return "http://127.0.0.1:" + port;
    }
}
