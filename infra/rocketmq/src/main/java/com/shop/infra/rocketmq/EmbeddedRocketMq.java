package com.shop.infra.rocketmq;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.apache.rocketmq.broker.BrokerController;
import org.apache.rocketmq.common.BrokerConfig;
import org.apache.rocketmq.common.MQVersion;
import org.apache.rocketmq.common.MixAll;
import org.apache.rocketmq.common.TopicConfig;
import org.apache.rocketmq.common.constant.PermName;
import org.apache.rocketmq.common.namesrv.NamesrvConfig;
import org.apache.rocketmq.common.topic.TopicValidator;
import org.apache.rocketmq.namesrv.NamesrvController;
import org.apache.rocketmq.remoting.netty.NettyClientConfig;
import org.apache.rocketmq.remoting.netty.NettyServerConfig;
import org.apache.rocketmq.remoting.protocol.RemotingCommand;
import org.apache.rocketmq.remoting.protocol.route.TopicRouteData;
import org.apache.rocketmq.store.config.MessageStoreConfig;

/**
 * A real RocketMQ 5.3 name server and broker (one master, cluster DefaultCluster, broker-a) in this JVM.
 *
 * <p>System properties: {@code rocketmq.namesrvPort} (9876), {@code rocketmq.brokerPort} (10911; the broker also
 * listens on brokerPort-2, its "fast" port, and brokerPort+1 for HA), {@code rocketmq.dataDir} (./.stack-data/rocketmq:
 * store/, namesrv/, logs/; also user.home). Topics are created on first send; timer messages (any delay or delivery
 * time) are on with 1 s precision. {@code rocketmq.topics} (comma-separated) are created at start, as an operator
 * would create them on a real cluster, so a subscriber finds its topic's route before the first message is sent. Prints {@code READY rocketmq} on stdout once the name server hands out the broker's
 * route. SIGTERM stops the broker, then the name server.
 */
public final class EmbeddedRocketMq {

    /** Never change it: a store written with one commit-log file size fails to load with another. */
    private static final int COMMIT_LOG_FILE_SIZE = 128 * 1024 * 1024;
    private static final int TIMER_FLUSH_INTERVAL_MS = 10_000;

    private EmbeddedRocketMq() {
    }

    public static void main(String[] args) {
        try {
            run();
        } catch (Throwable e) {
            // Netty and store threads are not daemons: without an explicit exit a failed start would hang, not READY.
            System.err.println("rocketmq: failed to start: " + e);
            e.printStackTrace();
            System.exit(1);
        }
    }

    private static void run() throws Exception {
        int namesrvPort = Integer.getInteger("rocketmq.namesrvPort", 9876);
        int brokerPort = Integer.getInteger("rocketmq.brokerPort", 10911);
        Path dataDir = Path.of(System.getProperty("rocketmq.dataDir", "./.stack-data/rocketmq")).toAbsolutePath().normalize();
        Files.createDirectories(dataDir);

        // Before any RocketMQ class loads: their defaults (store, config and log paths) are derived from user.home
        // in static and field initialisers (docs/stack-traps.md#7-embedded-rocketmq). rocketmq.logDir is read by
        // our rmq.logback.xml.
        System.setProperty("user.home", dataDir.toString());
        System.setProperty("rocketmq.logDir", dataDir.resolve("logs").toString());
        // Without it the name server keeps no routes for this broker ("No route info of this topic",
        // docs/stack-traps.md#7-embedded-rocketmq).
        System.setProperty(RemotingCommand.REMOTING_VERSION_KEY, Integer.toString(MQVersion.CURRENT_VERSION));

        requireFreePort(namesrvPort, "name server");
        requireFreePort(brokerPort, "broker");
        requireFreePort(brokerPort - 2, "broker fast channel (brokerPort-2)");
        requireFreePort(brokerPort + 1, "broker HA (brokerPort+1)");

        long began = System.nanoTime();
        NamesrvController namesrv = startNameServer(namesrvPort, dataDir);
        Thread stopNamesrv = new Thread(namesrv::shutdown, "rocketmq-stop"); // in case the broker fails to start
        Runtime.getRuntime().addShutdownHook(stopNamesrv);
        BrokerController broker = startBroker(brokerPort, "127.0.0.1:" + namesrvPort, dataDir);
        // Hooks run concurrently, so one hook for both, in order: the broker flushes its store and unregisters
        // from the name server, which must still be up.
        Runtime.getRuntime().removeShutdownHook(stopNamesrv);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            long stopping = System.nanoTime();
            broker.shutdown();
            namesrv.shutdown();
            System.err.printf("rocketmq: stopped in %.1f s%n", (System.nanoTime() - stopping) / 1e9);
        }, "rocketmq-stop"));

        String brokerAddr = "127.0.0.1:" + brokerPort;
        awaitRoute(namesrv, broker, brokerAddr);
        System.err.printf("rocketmq: name server 127.0.0.1:%d, broker %s ready in %.1f s (data %s)%n",
                namesrvPort, brokerAddr, (System.nanoTime() - began) / 1e9, dataDir);
        System.out.println("READY rocketmq");
        System.out.flush();

        new CountDownLatch(1).await(); // until SIGTERM
    }

    private static NamesrvController startNameServer(int port, Path dataDir) throws Exception {
        NamesrvConfig config = new NamesrvConfig();
        config.setRocketmqHome(dataDir.toString());
        config.setKvConfigPath(dataDir.resolve("namesrv/kvConfig.json").toString());
        config.setConfigStorePath(dataDir.resolve("namesrv/namesrv.properties").toString());
        NettyServerConfig server = new NettyServerConfig();
        server.setListenPort(port);
        server.setBindAddress("127.0.0.1");
        NamesrvController namesrv = new NamesrvController(config, server, new NettyClientConfig());
        if (!namesrv.initialize()) {
            throw new IllegalStateException("RocketMQ name server failed to initialize");
        }
        namesrv.start();
        return namesrv;
    }

    private static BrokerController startBroker(int port, String namesrvAddr, Path dataDir) throws Exception {
        BrokerConfig config = new BrokerConfig();
        config.setRocketmqHome(dataDir.toString());
        config.setBrokerClusterName("DefaultCluster");
        config.setBrokerName("broker-a");
        config.setBrokerId(MixAll.MASTER_ID);
        config.setBrokerIP1("127.0.0.1"); // the address clients get from the name server
        config.setBrokerIP2("127.0.0.1");
        config.setNamesrvAddr(namesrvAddr);
        config.setAutoCreateTopicEnable(true);
        config.setAutoCreateSubscriptionGroup(true);

        NettyServerConfig server = new NettyServerConfig();
        server.setListenPort(port); // the fast channel listens on port-2 (BrokerController derives it)
        server.setBindAddress("127.0.0.1");

        MessageStoreConfig store = new MessageStoreConfig();
        store.setStorePathRootDir(dataDir.resolve("store").toString());
        store.setHaListenPort(port + 1); // what BrokerStartup would derive; the HA acceptor binds all interfaces
        store.setMappedFileSizeCommitLog(COMMIT_LOG_FILE_SIZE); // the 1 GB default is much for a test broker
        store.setTimerWheelEnable(true);
        store.setTimerPrecisionMs(1000);
        // The timer wheel is a 7-day array of slots (tens of MB) which the broker copies into its mapped file
        // and flushes every interval: at the 1 s default that was most of the broker's CPU, idle or not
        // (docs/design-notes.md#payment-benchmark). The mapped file is in the page cache, so a crashed broker
        // keeps what it had written; only a host crash loses up to one interval, and the order-timeout
        // sweep covers a lost timer.
        store.setTimerFlushIntervalMs(TIMER_FLUSH_INTERVAL_MS);
        // Redelivery back-off: retry n of a failed message waits level 3+n. RocketMQ's standard levels start at
        // 10 s and grow to hours; a local stack (and its tests) wants the whole ladder in about half a minute.
        store.setMessageDelayLevel("1s 2s 3s 5s 8s 13s 21s 34s 55s 1m 2m 5m 10m 30m 1h 2h");
        // Default 90 %: on a fuller developer disk the broker would refuse every message ("disk full").
        store.setDiskSpaceWarningLevelRatio(98);

        BrokerController broker = new BrokerController(config, server, new NettyClientConfig(), store);
        if (!broker.initialize()) {
            broker.shutdown();
            throw new IllegalStateException("RocketMQ broker failed to initialize (store in " + store.getStorePathRootDir()
                    + ", see " + dataDir.resolve("logs") + ")");
        }
        broker.start();
        for (String topic : System.getProperty("rocketmq.topics", "").split(",")) {
            if (!topic.isBlank()) {
                broker.getTopicConfigManager().updateTopicConfig(
                        new TopicConfig(topic.trim(), 4, 4, PermName.PERM_READ | PermName.PERM_WRITE));
            }
        }
        return broker;
    }

    /**
     * Registers the broker until the name server has its route. Producers route a new topic through the auto-create
     * template topic TBW102, so once that route names our broker, sends work.
     *
     * <p>The broker's scheduled registration first runs 10 s after start(). A registration right after start() is
     * lost too: it only goes to name servers its client has already found reachable, which a background scan
     * decides a few hundred ms later. Hence the retries.
     */
    private static void awaitRoute(NamesrvController namesrv, BrokerController broker, String brokerAddr)
            throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            broker.registerBrokerAll(true, false, true);
            TopicRouteData route = namesrv.getRouteInfoManager().pickupTopicRouteData(TopicValidator.AUTO_CREATE_TOPIC_KEY_TOPIC);
            if (route != null && route.getBrokerDatas().stream()
                    .anyMatch(b -> brokerAddr.equals(b.getBrokerAddrs().get(MixAll.MASTER_ID)))) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("No route to broker " + brokerAddr + " after 30 s");
    }

    private static void requireFreePort(int port, String what) {
        try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            // free: closed at once, RocketMQ binds it next
        } catch (IOException e) {
            System.err.println("rocketmq: port 127.0.0.1:" + port + " for the " + what + " is already in use ("
                    + e.getMessage() + ")");
            System.exit(2);
        }
    }
}
