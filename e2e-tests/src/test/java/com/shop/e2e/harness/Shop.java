package com.shop.e2e.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.shop.order.checkout.Pricing;
import com.shop.stack.Components;
import com.shop.stack.Http;
import com.shop.stack.NacosOpenApi;
import com.shop.stack.PaymentPlatform;
import com.shop.stack.Ports;
import com.shop.stack.Stack;
import com.shop.support.web.Money;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a failure-injection test works with: the running stack, its databases, the invariants,
 * fixtures of its own (goods, users, coupons no other test touches) and the checkout API.
 */
public final class Shop {

    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * Fixture ids: 19 digits, near the top of BIGINT, unique within a run. Real ids are snowflake
     * ids of this size; short ids once hid that the TC could not store their lock keys.
     */
    private static final AtomicLong NEXT_ID = new AtomicLong(9_100_000_000_000_000_000L);

    private final Stack stack;
    private final Databases db;
    private final SeataConsole console;
    private final Invariants invariants;
    private PaymentPlatform platform;

    Shop(Stack stack) {
        this.stack = stack;
        this.db = new Databases(stack.settings());
        this.console = new SeataConsole(stack.settings());
        this.invariants = new Invariants(db, console);
        invariants.captureStartingPoint();
    }

    public Stack stack() {
        return stack;
    }

    public Databases db() {
        return db;
    }

    public SeataConsole console() {
        return console;
    }

    public Invariants invariants() {
        return invariants;
    }

    /** The payment platform simulator, with the secret pay-app runs with. */
    public synchronized PaymentPlatform platform() {
        if (platform == null) {
            try {
                platform = PaymentPlatform.of(stack.settings());
            } catch (Exception e) {
                throw new IllegalStateException("No payment platform simulator: " + e.getMessage(), e);
            }
        }
        return platform;
    }

    /** A confirmed, unpaid order of a user of its own (no balance used): what a payment is opened for. */
    public record UnpaidOrder(long orderId, long userId, long goodsId, String payAmount) {
    }

    /** Buys 2 × 30.00 (+ 10.00 shipping): 70.00 to pay, 70 points once paid. */
    public UnpaidOrder unpaidOrder() {
        long user = newUser("0.00");
        long goods = newGoods(10, "30.00");
        Http.Response placed = placeOrder(validOrder(user, goods, 2, "30.00"));
        if (placed.status() != 201) {
            throw new IllegalStateException("Checkout failed: " + placed.status() + " " + placed.body());
        }
        return new UnpaidOrder(placed.json().path("orderId").asLong(), user, goods, placed.json().path("payAmount").asText());
    }

    /** Opens the order's payment; its pay id. */
    public long openPayment(long orderId) {
        Http.Response opened = platform().openPayment(String.valueOf(orderId));
        if (opened.status() != 201 && opened.status() != 200) {
            throw new IllegalStateException("Opening a payment failed: " + opened.status() + " " + opened.body());
        }
        return opened.json().path("payId").asLong();
    }

    /** A signed success callback for the payment, as the platform would send it now. */
    public Map<String, String> successCallback(long payId, UnpaidOrder order) {
        return platform().successCallback(String.valueOf(payId), String.valueOf(order.orderId()), order.payAmount());
    }

    public Http.Response postCallback(Map<String, String> fields) {
        return platform().postCallback(fields);
    }

    /** Waits until order-app shows the order paid. */
    public void awaitOrderPaid(long orderId, Duration atMost) {
        await().atMost(atMost).pollInterval(Duration.ofMillis(200))
                .until(() -> db.count("shop_order", "SELECT COUNT(*) FROM trade_order WHERE order_id = ? AND pay_status = 2",
                        orderId) == 1);
    }

    public long newGoods(int stock, String price) {
        return newGoods(NEXT_ID.incrementAndGet(), stock, price);
    }

    public long newGoods(long goodsId, int stock, String price) {
        db.update("shop_goods", "INSERT INTO trade_goods (goods_id, goods_name, goods_number, goods_price, add_time) "
                + "VALUES (?, ?, ?, ?, NOW())", goodsId, "fixture goods " + goodsId, stock, new BigDecimal(price));
        invariants.recordGoods(goodsId, stock);
        return goodsId;
    }

    public long newUser(String balance) {
        return newUser(NEXT_ID.incrementAndGet(), balance);
    }

    public long newUser(long userId, String balance) {
        db.update("shop_user", "INSERT INTO trade_user (user_id, user_name, user_reg_time, user_money) "
                + "VALUES (?, ?, NOW(), ?)", userId, "fixture user " + userId, new BigDecimal(balance));
        invariants.recordUser(userId, new BigDecimal(balance), 0);
        return userId;
    }

    public long newCoupon(long userId, String price) {
        return newCoupon(NEXT_ID.incrementAndGet(), userId, price);
    }

    public long newCoupon(long couponId, long userId, String price) {
        db.update("shop_coupon", "INSERT INTO trade_coupon (coupon_id, coupon_price, user_id, is_used) VALUES (?, ?, ?, 0)",
                couponId, new BigDecimal(price), userId);
        return couponId;
    }

    /** A checkout that takes every step (stock, coupon, balance), on fixtures of its own. */
    public record FullCheckout(long user, long goods, long coupon, ObjectNode order) {
        public String requestId() {
            return order.path("requestId").asText();
        }
    }

    /** User with 100.00, goods 5 x 30.00, a 5.00 coupon; buys 2 (60.00 + 10.00 shipping) using 20.00 of balance. */
    public FullCheckout fullCheckout() {
        long user = newUser("100.00");
        long goods = newGoods(5, "30.00");
        long coupon = newCoupon(user, "5.00");
        ObjectNode order = validOrder(user, goods, 2, "30.00")
                .put("couponId", String.valueOf(coupon)).put("moneyPaid", "20.00");
        return new FullCheckout(user, goods, coupon, order);
    }

    /** A checkout request that passes every check: shipping fee and order amount by the shop's own rule. */
    public ObjectNode validOrder(long userId, long goodsId, int quantity, String price) {
        BigDecimal goodsAmount = new BigDecimal(price).multiply(BigDecimal.valueOf(quantity));
        BigDecimal shipping = Pricing.shippingFeeFor(goodsAmount);
        return JSON.createObjectNode()
                .put("requestId", "e2e-" + UUID.randomUUID())
                .put("userId", String.valueOf(userId))
                .put("goodsId", String.valueOf(goodsId))
                .put("goodsNumber", quantity)
                .put("goodsPrice", price)
                .put("shippingFee", Money.format(shipping))
                .put("orderAmount", Money.format(goodsAmount.add(shipping)))
                .put("address", "1 Test Street")
                .put("consignee", "Tess Tester");
    }

    public Http.Response placeOrder(Object body) {
        return Http.postJson(Ports.url(Components.ORDER) + "/api/orders", body.toString());
    }

    /**
     * Sends every checkout at once (each on its own thread, released together) and returns the
     * answers in the order of the bodies.
     */
    public List<Http.Response> rush(List<ObjectNode> bodies) throws Exception {
        return atOnce(bodies.stream().<Callable<Http.Response>>map(body -> () -> placeOrder(body)).toList());
    }

    /** Runs every call at once (each on its own thread, released together); the answers in the calls' order. */
    public static <T> List<T> atOnce(List<Callable<T>> calls) throws Exception {
        ExecutorService senders = Executors.newFixedThreadPool(calls.size());
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> answers = new ArrayList<>();
            for (Callable<T> call : calls) {
                answers.add(senders.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> answer : answers) {
                results.add(answer.get());
            }
            return results;
        } finally {
            senders.shutdownNow();
        }
    }

    /** The pay-success consumer groups, each with the database of its consumer log. */
    public static final Map<String, String> PAY_SUCCESS_GROUPS = Map.of(
            "order-app-pay-success", Components.database(Components.ORDER),
            "user-app-pay-success", Components.database(Components.USER),
            "pay-app-pay-success", Components.database(Components.PAY));

    /** How often the group was handed the pay-success event of this payment (duplicates included); 0 if never. */
    public long deliveries(String group, long payId) {
        List<Map<String, Object>> rows = db.query(PAY_SUCCESS_GROUPS.get(group), "SELECT consumer_times FROM "
                + "trade_mq_consumer_log WHERE group_name = ? AND msg_key = ?", group, String.valueOf(payId));
        return rows.isEmpty() ? 0 : ((Number) rows.get(0).get("consumer_times")).longValue();
    }

    /** Whether the group has processed the pay-success event of this payment. */
    public boolean processed(String group, long payId) {
        return db.count(PAY_SUCCESS_GROUPS.get(group), "SELECT COUNT(*) FROM trade_mq_consumer_log WHERE group_name = ? "
                + "AND msg_key = ? AND consumer_status = 1", group, String.valueOf(payId)) == 1;
    }

    /** How many answers had each outcome ("201", "409 GOODS_NUM_NOT_ENOUGH", …). */
    public static Map<String, Integer> outcomes(List<Http.Response> responses) {
        Map<String, Integer> outcomes = new TreeMap<>();
        responses.forEach(response -> outcomes.merge(response.outcome(), 1, Integer::sum));
        return outcomes;
    }

    /** Arms a fault in the service that owns the point ("goods.after-reduce-stock" → goods-app). */
    public void arm(String point, String action, long delayMillis) {
        arm(point, action, delayMillis, 1);
    }

    /** The same, firing {@code times} times before it disarms itself. */
    public void arm(String point, String action, long delayMillis, int times) {
        armAt(point.substring(0, point.indexOf('.')) + "-app", point, action, delayMillis, times);
    }

    /** The same, in one instance of the service ("goods-app-2"). */
    public void armAt(String instance, String point, String action, long delayMillis, int times) {
        Http.Response armed = operatorPost(actuator(instance, "faults"), JSON.createObjectNode()
                .put("point", point).put("action", action).put("delayMillis", delayMillis).put("times", times).toString());
        if (armed.status() != 200) {
            throw new IllegalStateException("Arming " + point + " failed: HTTP " + armed.status() + " " + armed.body());
        }
    }

    /** Whether a fault armed at {@code point} has fired as often as armed (it disarms itself then). */
    public boolean firedOut(String point) {
        String service = point.substring(0, point.indexOf('.')) + "-app";
        return armedFaults(service).stream().noneMatch(fault -> fault.point().equals(point));
    }

    /** A fault armed in a service instance and not fired out yet. */
    public record ArmedFault(String point, String action) {
    }

    /** The faults armed in this instance of a service that have not fired out yet. */
    public List<ArmedFault> armedFaults(String instance) {
        List<ArmedFault> armed = new ArrayList<>();
        for (JsonNode fault : Http.get(actuator(instance, "faults")).json().path("armed")) {
            armed.add(new ArmedFault(fault.path("point").asText(), fault.path("action").asText()));
        }
        return armed;
    }

    /**
     * Waits until order-app reaches every provider over Dubbo (its AT probe pings all five). A
     * restarted provider answers its health check before consumers have its new registration.
     */
    public void awaitProvidersReachable(Duration atMost) {
        await().atMost(atMost).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .until(() -> Http.get(actuator(Components.ORDER, "atprobe")).status() == 200);
    }

    /** Waits until Nacos lists this many TCs and this many healthy Dubbo providers of every service. */
    public void awaitRegistered(int instances) {
        NacosOpenApi nacos = NacosOpenApi.of(stack.settings());
        await(instances + " of everything registered in Nacos").atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(500)).ignoreExceptions().untilAsserted(() -> {
                    if (stack.settings().embeddedSeata()) {
                        assertThat(nacos.healthyInstances("seata-server", "SEATA_GROUP")).hasSize(instances);
                    }
                    for (String service : Components.SERVICES) {
                        assertThat(nacos.healthyInstances("providers:com.shop.api.probe.AtProbeService::" + service,
                                "DEFAULT_GROUP")).as(service).hasSize(instances);
                    }
                });
    }

    /** Starts whatever a test stopped or killed, waits until order-app reaches every provider, disarms every fault. */
    public void everythingRunningAndDisarmed() {
        for (String name : stack.componentNames()) {
            if (!stack.isRunning(name)) {
                stack.start(name);
            }
        }
        awaitProvidersReachable(Duration.ofSeconds(60));
        disarmEverywhere();
    }

    public void disarmEverywhere() {
        for (String service : Components.SERVICES) {
            for (String instance : stack.instancesOf(service)) {
                if (stack.isRunning(instance)) {
                    Http.send(operator(actuator(instance, "faults")).DELETE());
                }
            }
        }
    }

    /** The header actuator writes carry the operator token in (support's OperatorWrites). */
    public static final String OPERATOR_TOKEN_HEADER = "X-Operator-Token";

    public static String actuator(String service, String endpoint) {
        return Ports.url(service) + "/actuator/" + endpoint;
    }

    /** An actuator write, as an operator makes it: with the operator token. */
    public Http.Response operatorPost(String url, String json) {
        return Http.send(operator(url).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private HttpRequest.Builder operator(String url) {
        return HttpRequest.newBuilder(URI.create(url)).header(OPERATOR_TOKEN_HEADER, stack.settings().operatorToken());
    }
}
