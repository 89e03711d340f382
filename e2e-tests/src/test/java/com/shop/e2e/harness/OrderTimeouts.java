package com.shop.e2e.harness;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.shop.api.order.OrderStatus;
import com.shop.api.order.PaymentTimeout;
import com.shop.api.payment.PaymentState;
import com.shop.stack.Components;
import com.shop.stack.Http;
import com.shop.stack.NacosOpenApi;
import com.shop.stack.Stack;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
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

    /** Settings in force until {@link #close()}, which publishes what was there before and waits for it. */
    public final class Settings implements AutoCloseable {
        private final NacosOpenApi nacos;
        private final String original;
        private final Map<String, String> runningBefore;

        private Settings(NacosOpenApi nacos, String original, Map<String, String> runningBefore) {
            this.nacos = nacos;
            this.original = original;
            this.runningBefore = runningBefore;
        }

        @Override
        public void close() throws Exception {
            nacos.publishConfig("DEFAULT_GROUP", DATA_ID, original);
            awaitRunning(runningBefore);
        }
    }

    /** The payment timeout every test runs with unless it publishes its own (see StackExtension). */
    static void publishSuiteDefault(Stack stack, Duration paymentTimeout) {
        try {
            NacosOpenApi nacos = NacosOpenApi.of(stack.settings());
            String published = nacos.readConfig("DEFAULT_GROUP", DATA_ID);
            nacos.publishConfig("DEFAULT_GROUP", DATA_ID, withSetting(published, "payment-timeout", paymentTimeout));
            awaitRunning(Map.of("paymentTimeout", paymentTimeout.toString()));
        } catch (Exception e) {
            throw new IllegalStateException("Could not publish the suite's payment timeout: " + e.getMessage(), e);
        }
    }

    /**
     * Publishes order-app's payment timeout and sweep settings and waits until order-app runs with them.
     * Published in ISO-8601 (PT4S), which is also how order-app's {@code /actuator/info} shows them.
     */
    public Settings publish(Duration paymentTimeout, Duration sweepInterval, Duration sweepGrace) throws Exception {
        NacosOpenApi nacos = NacosOpenApi.of(shop.stack().settings());
        Map<String, String> runningBefore = running();
        String original = nacos.readConfig("DEFAULT_GROUP", DATA_ID);
        String changed = withSetting(withSetting(withSetting(original, "payment-timeout", paymentTimeout),
                "interval", sweepInterval), "grace", sweepGrace);
        nacos.publishConfig("DEFAULT_GROUP", DATA_ID, changed);
        awaitRunning(Map.of("paymentTimeout", paymentTimeout.toString(), "sweepInterval", sweepInterval.toString(),
                "sweepGrace", sweepGrace.toString()));
        return new Settings(nacos, original, runningBefore);
    }

    /** The yaml with the first {@code key:} line's value replaced (the keys are unique in order-app.yaml). */
    private static String withSetting(String yaml, String key, Duration value) {
        return yaml.replaceFirst("(?m)^(\\s+" + key + ":).*$", "$1 " + value);
    }

    /** The order-timeout settings order-app runs with now, as its {@code /actuator/info} shows them. */
    private static Map<String, String> running() {
        JsonNode settings = Http.get(Shop.actuator(Components.ORDER, "info")).json().path("orderTimeout");
        Map<String, String> running = new HashMap<>();
        settings.fields().forEachRemaining(field -> running.put(field.getKey(), field.getValue().asText()));
        return running;
    }

    private static void awaitRunning(Map<String, String> expected) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .until(() -> running().entrySet().containsAll(expected.entrySet()));
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

    public OrderStatus orderStatus(long orderId) {
        return OrderStatus.ofCode((int) shop.db().count("shop_order", "SELECT order_status FROM trade_order WHERE order_id = ?",
                orderId));
    }

    public void awaitCancelled(long orderId, Duration atMost) {
        await().atMost(atMost).pollInterval(Duration.ofMillis(100)).until(() -> orderStatus(orderId) == OrderStatus.CANCELLED);
    }

    /** How often the timeout consumer was handed the order's message (duplicates included); 0 if never. */
    public long deliveries(long orderId) {
        List<Map<String, Object>> rows = shop.db().query("shop_order", "SELECT consumer_times FROM trade_mq_consumer_log "
                + "WHERE group_name = ? AND msg_key = ?", GROUP, String.valueOf(orderId));
        return rows.isEmpty() ? 0 : ((Number) rows.get(0).get("consumer_times")).longValue();
    }

    /** The state of the order's payment; null when the order has none. */
    public PaymentState paymentState(long orderId) {
        List<Map<String, Object>> rows = shop.db().query("shop_pay", "SELECT is_paid FROM trade_pay WHERE order_id = ?", orderId);
        return rows.isEmpty() ? null : PaymentState.ofCode(((Number) rows.get(0).get("is_paid")).intValue());
    }
}
