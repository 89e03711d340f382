package com.shop.e2e.harness;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.shop.stack.Components;
import com.shop.stack.Http;
import com.shop.stack.PaymentPlatform;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;

/**
 * Checkout and payment traffic from a few clients at a steady pace, spread over every running instance
 * of order-app and pay-app by a {@link Balancer}.
 *
 * <p>Each client buys with a user, coupon and balance of its own (so every checkout has four
 * branches) and pays what it bought: open the payment, then the platform's signed callback.
 */
public final class SteadyTraffic implements AutoCloseable {

    /** A checkout answered 201, with the request id it was placed under. */
    public record Placed(String requestId, long orderId) {
    }

    private final Shop shop;
    private final Balancer balancer;
    private final List<Placed> placed = new CopyOnWriteArrayList<>();
    private final Map<Long, Boolean> paid = new ConcurrentHashMap<>();
    private final List<Thread> clients = new ArrayList<>();
    private final long pauseMillis;

    private SteadyTraffic(Shop shop, long pauseMillis) {
        this.shop = shop;
        this.balancer = new Balancer(shop.stack());
        this.pauseMillis = pauseMillis;
    }

    /** Starts {@code clients} clients, each pausing {@code pauseMillis} between one purchase and the next. */
    public static SteadyTraffic start(Shop shop, int clients, long pauseMillis) {
        SteadyTraffic traffic = new SteadyTraffic(shop, pauseMillis);
        for (int i = 0; i < clients; i++) {
            Thread client = new Thread(traffic::buyAndPayUntilStopped, "steady-traffic-" + i);
            client.setDaemon(true);
            traffic.clients.add(client);
            client.start();
        }
        return traffic;
    }

    public List<Answer> answers() {
        return balancer.answers();
    }

    /** The answers to requests sent at or after {@code fromNanos} and before {@code toNanos} (System.nanoTime()). */
    public List<Answer> sentBetween(long fromNanos, long toNanos) {
        return balancer.sentBetween(fromNanos, toNanos);
    }

    public List<Placed> placed() {
        return List.copyOf(placed);
    }

    /** Orders whose payment callback was answered 200. */
    public List<Long> paid() {
        return List.copyOf(paid.keySet());
    }

    /** Stops the clients after their current request and waits for them. */
    @Override
    public void close() {
        balancer.stop();
        for (Thread client : clients) {
            try {
                client.join(120_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void buyAndPayUntilStopped() {
        long goods = shop.newGoods(100_000, "20.00");
        while (balancer.running()) {
            long user = shop.newUser("100.00");
            long coupon = shop.newCoupon(user, "5.00");
            ObjectNode order = shop.validOrder(user, goods, 1, "20.00")
                    .put("couponId", String.valueOf(coupon)).put("moneyPaid", "10.00");
            Http.Response checkout = balancer.send("checkout", Components.ORDER,
                    url -> Http.postJson(url + "/api/orders", order.toString()));
            if (checkout != null && checkout.status() == 201) {
                long orderId = checkout.json().path("orderId").asLong();
                placed.add(new Placed(order.path("requestId").asText(), orderId));
                pay(orderId);
            }
            LockSupport.parkNanos(pauseMillis * 1_000_000);
        }
    }

    private void pay(long orderId) {
        Http.Response opened = balancer.send("open-payment", Components.PAY,
                url -> platform(url).openPayment(String.valueOf(orderId)));
        if (opened == null || (opened.status() != 200 && opened.status() != 201)) {
            return;
        }
        Map<String, String> callback = shop.platform().successCallback(opened.json().path("payId").asText(),
                String.valueOf(orderId), opened.json().path("payAmount").asText());
        Http.Response answered = balancer.send("callback", Components.PAY, url -> platform(url).postCallback(callback));
        if (answered != null && answered.status() == 200) {
            paid.put(orderId, true);
        }
    }

    private PaymentPlatform platform(String url) {
        return shop.platform().at(url);
    }
}
