package com.shop.e2e.harness;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.shop.api.order.PaymentTimeout;
import com.shop.stack.Components;
import com.shop.stack.NacosOpenApi;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.message.Message;

/**
 * The order timeout as tests drive it: its settings published to Nacos for a while, its message sent
 * by hand (a timer firing now), and the order's state read back.
 */
public final class OrderTimeouts implements AutoCloseable {

    public static final String GROUP = "order-app-payment-timeout";
    public static final int CANCELLED = 2;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DATA_ID = "order-app.yaml";

    private final Shop shop;
    private DefaultMQProducer producer;

    public OrderTimeouts(Shop shop) {
        this.shop = shop;
    }

    /** Stops the producer {@link #fireNow} started, if any. */
    @Override
    public synchronized void close() {
        if (producer != null) {
            producer.shutdown();
            producer = null;
        }
    }

    private synchronized DefaultMQProducer producer() throws Exception {
        if (producer == null) {
            DefaultMQProducer started = new DefaultMQProducer("e2e-timeout-" + System.nanoTime());
            started.setNamesrvAddr(shop.stack().settings().rocketMqNamesrv());
            started.start();
            producer = started;
        }
        return producer;
    }

    /** Settings in force until {@link #close()}, which publishes what was there before. */
    public final class Settings implements AutoCloseable {
        private final NacosOpenApi nacos;
        private final String original;

        private Settings(NacosOpenApi nacos, String original) {
            this.nacos = nacos;
            this.original = original;
        }

        @Override
        public void close() throws Exception {
            nacos.publishConfig("DEFAULT_GROUP", DATA_ID, original);
            awaitRunning(setting(original, "payment-timeout"), setting(original, "interval"), setting(original, "grace"));
        }
    }

    /** The payment timeout every test runs with unless it publishes its own (see StackExtension). */
    static void publishSuiteDefault(com.shop.stack.Stack stack, String paymentTimeout) {
        try {
            NacosOpenApi nacos = NacosOpenApi.of(stack.settings());
            String published = nacos.readConfig("DEFAULT_GROUP", DATA_ID);
            nacos.publishConfig("DEFAULT_GROUP", DATA_ID,
                    published.replaceFirst("(?m)^(\\s+payment-timeout:).*$", "$1 " + paymentTimeout));
            awaitRunning(paymentTimeout, setting(published, "interval"), setting(published, "grace"));
        } catch (Exception e) {
            throw new IllegalStateException("Could not publish the suite's payment timeout: " + e.getMessage(), e);
        }
    }

    /**
     * Publishes order-app's payment timeout and sweep settings (as {@code 3s}, {@code 500ms}…) and waits
     * until order-app runs with them.
     */
    public Settings publish(String paymentTimeout, String sweepInterval, String sweepGrace) throws Exception {
        NacosOpenApi nacos = NacosOpenApi.of(shop.stack().settings());
        String original = nacos.readConfig("DEFAULT_GROUP", DATA_ID);
        String changed = original
                .replaceFirst("(?m)^(\\s+payment-timeout:).*$", "$1 " + paymentTimeout)
                .replaceFirst("(?m)^(\\s+interval:).*$", "$1 " + sweepInterval)
                .replaceFirst("(?m)^(\\s+grace:).*$", "$1 " + sweepGrace);
        nacos.publishConfig("DEFAULT_GROUP", DATA_ID, changed);
        awaitRunning(paymentTimeout, sweepInterval, sweepGrace);
        return new Settings(nacos, original);
    }

    private static String setting(String yaml, String key) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^\\s+" + key + ":\\s*(\\S+)").matcher(yaml);
        if (!m.find()) {
            throw new IllegalStateException("No " + key + " in " + DATA_ID);
        }
        return m.group(1);
    }

    private static void awaitRunning(String paymentTimeout, String sweepInterval, String sweepGrace) {
        Map<String, String> expected = Map.of("paymentTimeout", iso(paymentTimeout), "sweepInterval", iso(sweepInterval),
                "sweepGrace", iso(sweepGrace));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).ignoreExceptions().until(() -> {
            var running = Http.get(Shop.actuator(Components.ORDER, "info")).json().path("orderTimeout");
            return expected.entrySet().stream().allMatch(e -> e.getValue().equals(running.path(e.getKey()).asText()));
        });
    }

    /** "3s", "500ms", "30m" as ISO-8601, the way order-app shows them. */
    private static String iso(String value) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)(ms|s|m|h)").matcher(value.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("Unsupported duration " + value);
        }
        long amount = Long.parseLong(m.group(1));
        Duration duration = switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofHours(amount);
        };
        return duration.toString();
    }

    /** Sends the order's timeout message now, as the broker's timer would at the deadline (or a duplicate). */
    public void fireNow(long orderId) throws Exception {
        byte[] body = JSON.writeValueAsString(new PaymentTimeout(String.valueOf(orderId), Instant.now().toString()))
                .getBytes(StandardCharsets.UTF_8);
        SendStatus status = producer().send(new Message(PaymentTimeout.TOPIC, null, String.valueOf(orderId), body))
                .getSendStatus();
        if (status != SendStatus.SEND_OK) {
            throw new IllegalStateException("Timeout message for order " + orderId + ": " + status);
        }
    }

    public int orderStatus(long orderId) {
        return (int) shop.db().count("shop_order", "SELECT order_status FROM trade_order WHERE order_id = ?", orderId);
    }

    public void awaitCancelled(long orderId, Duration atMost) {
        await().atMost(atMost).pollInterval(Duration.ofMillis(100)).until(() -> orderStatus(orderId) == CANCELLED);
    }

    /** How often the timeout consumer was handed the order's message (duplicates included); 0 if never. */
    public long deliveries(long orderId) {
        List<Map<String, Object>> rows = shop.db().query("shop_order", "SELECT consumer_times FROM trade_mq_consumer_log "
                + "WHERE group_name = ? AND msg_key = ?", GROUP, String.valueOf(orderId));
        return rows.isEmpty() ? 0 : ((Number) rows.get(0).get("consumer_times")).longValue();
    }

    /** The payment's is_paid code: 1 open, 2 paid, 3 closed; 0 when the order has none. */
    public int paymentState(long orderId) {
        List<Map<String, Object>> rows = shop.db().query("shop_pay", "SELECT is_paid FROM trade_pay WHERE order_id = ?", orderId);
        return rows.isEmpty() ? 0 : ((Number) rows.get(0).get("is_paid")).intValue();
    }
}
