package com.shop.e2e.harness;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.shop.order.checkout.Pricing;
import com.shop.stack.Components;
import com.shop.stack.Stack;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
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
        invariants.recordUser(userId, new BigDecimal(balance));
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
                .put("shippingFee", money(shipping))
                .put("orderAmount", money(goodsAmount.add(shipping)))
                .put("address", "1 Test Street")
                .put("consignee", "Tess Tester");
    }

    public Http.Response placeOrder(Object body) {
        return Http.postJson("http://127.0.0.1:8081/api/orders", body.toString());
    }

    /**
     * Sends every checkout at once (each on its own thread, released together) and returns the
     * answers in the order of the bodies.
     */
    public List<Http.Response> rush(List<ObjectNode> bodies) throws Exception {
        ExecutorService senders = Executors.newFixedThreadPool(bodies.size());
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Http.Response>> answers = new ArrayList<>();
            for (ObjectNode body : bodies) {
                answers.add(senders.submit(() -> {
                    start.await();
                    return placeOrder(body);
                }));
            }
            start.countDown();
            List<Http.Response> responses = new ArrayList<>();
            for (Future<Http.Response> answer : answers) {
                responses.add(answer.get());
            }
            return responses;
        } finally {
            senders.shutdownNow();
        }
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
        String service = point.substring(0, point.indexOf('.')) + "-app";
        Http.Response armed = Http.postJson(actuator(service, "faults"), JSON.createObjectNode()
                .put("point", point).put("action", action).put("delayMillis", delayMillis).put("times", times).toString());
        if (armed.status() != 200) {
            throw new IllegalStateException("Arming " + point + " failed: HTTP " + armed.status() + " " + armed.body());
        }
    }

    /**
     * Waits until order-app reaches every provider over Dubbo (its AT probe pings all five). A
     * restarted provider answers its health check before consumers have its new registration.
     */
    public void awaitProvidersReachable(Duration atMost) {
        await().atMost(atMost).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .until(() -> Http.get(actuator(Components.ORDER, "atprobe")).status() == 200);
    }

    public void disarmEverywhere() {
        for (String service : Components.SERVICES) {
            if (stack.isRunning(service)) {
                Http.delete(actuator(service, "faults"));
            }
        }
    }

    public static String actuator(String service, String endpoint) {
        return "http://127.0.0.1:" + Components.httpPort(service) + "/actuator/" + endpoint;
    }

    public static String money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    }
}
