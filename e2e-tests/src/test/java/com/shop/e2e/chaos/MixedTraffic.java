package com.shop.e2e.chaos;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.shop.e2e.harness.Answer;
import com.shop.e2e.harness.Balancer;
import com.shop.e2e.harness.OrderTimeouts;
import com.shop.e2e.harness.Shop;
import com.shop.stack.Components;
import com.shop.stack.Http;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

/**
 * What shoppers, the payment platform and the broker's timer do to the shop at once, from a few
 * clients spread over every instance by a {@link Balancer}: checkouts on two hot goods (one with
 * plenty of stock, one that sells out) and on goods of their own, with coupon and balance or without;
 * then the order paid at once, paid with its callback sent twice at the same moment, paid right
 * around its deadline (racing the timeout), or never paid (the timeout cancels it); replayed
 * checkouts; bad checkouts and forged callbacks; timeout messages delivered a second time.
 *
 * <p>What the shop must answer to each is checked as it comes (a replay gets the first order, bad
 * input its exact code); anything else goes to the {@link SoakLog} as an anomaly.
 */
final class MixedTraffic implements AutoCloseable {

    /** A checkout answered 201: the request id it was placed under, its order, when. */
    record Placed(String requestId, ObjectNode body, long orderId, long placedNanos) {
    }

    private static final int HOT_SCARCE_STOCK = 120;
    /** The platform sends a callback that was not acknowledged again, this often, a second apart. */
    private static final int CALLBACK_TRIES = 5;

    private final Shop shop;
    private final SoakLog log;
    private final Random random;
    private final Duration paymentTimeout;
    private final Balancer balancer;
    private final OrderTimeouts timeouts;
    private final ScheduledExecutorService platformTimers = Executors.newScheduledThreadPool(2);
    private final List<Thread> clients = new ArrayList<>();
    private final List<Placed> placed = new CopyOnWriteArrayList<>();
    /** Order → payment, for every order whose payment callback was acknowledged (200). */
    private final Map<Long, Long> acknowledged = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private final long hotPlenty;
    private final long hotScarce;
    private final long badInputUser;
    private volatile boolean paused;
    private final AtomicInteger busy = new AtomicInteger();

    MixedTraffic(Shop shop, SoakLog log, long seed, Duration paymentTimeout) {
        this.shop = shop;
        this.log = log;
        this.random = new Random(seed);
        this.paymentTimeout = paymentTimeout;
        this.balancer = new Balancer(shop.stack());
        this.timeouts = new OrderTimeouts(shop);
        this.hotPlenty = shop.newGoods(100_000, "20.00");
        this.hotScarce = shop.newGoods(HOT_SCARCE_STOCK, "20.00");
        this.badInputUser = shop.newUser("100.00");
    }

    void start(int clientCount) {
        for (int i = 0; i < clientCount; i++) {
            Random own = new Random(random.nextLong());
            Thread client = new Thread(() -> shopUntilStopped(own), "soak-client-" + i);
            client.setDaemon(true);
            clients.add(client);
            client.start();
        }
    }

    /** Holds every client after its current action and waits until none is busy (late callbacks still come). */
    void pause() {
        paused = true;
        while (busy.get() > 0) {
            LockSupport.parkNanos(50_000_000);
        }
    }

    void resume() {
        paused = false;
    }

    /** Stops the clients and the platform's pending callbacks, and waits for what is in flight. */
    @Override
    public void close() throws Exception {
        balancer.stop();
        platformTimers.shutdownNow();
        platformTimers.awaitTermination(60, TimeUnit.SECONDS);
        for (Thread client : clients) {
            client.join(120_000);
        }
        timeouts.close();
    }

    List<Answer> answers() {
        return balancer.answers();
    }

    List<Placed> placed() {
        return List.copyOf(placed);
    }

    Map<Long, Long> acknowledged() {
        return Map.copyOf(acknowledged);
    }

    /** How often each action was taken ("late callback scheduled", "timeout sent again", …). */
    Map<String, Integer> counts() {
        Map<String, Integer> copy = new TreeMap<>();
        counts.forEach((what, count) -> copy.put(what, count.get()));
        return copy;
    }

    private void count(String what) {
        counts.computeIfAbsent(what, k -> new AtomicInteger()).incrementAndGet();
    }

    private void shopUntilStopped(Random own) {
        while (balancer.running()) {
            if (paused) {
                LockSupport.parkNanos(100_000_000);
                continue;
            }
            busy.incrementAndGet();
            try {
                act(own);
            } catch (RuntimeException e) {
                log.anomaly("a client failed: " + e);
            } finally {
                busy.decrementAndGet();
            }
            LockSupport.parkNanos((50 + own.nextInt(200)) * 1_000_000L);
        }
    }

    private void act(Random own) {
        int dice = own.nextInt(100);
        if (dice < 30) {
            checkoutAndPay(own, hotCheckout(own));
        } else if (dice < 60) {
            checkoutAndPay(own, coldCheckout(own));
        } else if (dice < 72) {
            replay(own);
        } else if (dice < 82) {
            badCheckout(own);
        } else if (dice < 92) {
            forgedCallback(own);
        } else {
            timeoutAgain(own);
        }
    }

    /** One unit of a hot goods (the scarce one a third of the time), with coupon and balance half the time. */
    private ObjectNode hotCheckout(Random own) {
        long user = shop.newUser("100.00");
        ObjectNode order = shop.validOrder(user, own.nextInt(3) == 0 ? hotScarce : hotPlenty, 1, "20.00");
        if (own.nextBoolean()) {
            order.put("couponId", String.valueOf(shop.newCoupon(user, "5.00"))).put("moneyPaid", "10.00");
        }
        count("hot checkout");
        return order;
    }

    /** One or two units of goods of its own, every step (stock, coupon, balance). */
    private ObjectNode coldCheckout(Random own) {
        long user = shop.newUser("100.00");
        long goods = shop.newGoods(10, "30.00");
        count("cold checkout");
        return shop.validOrder(user, goods, 1 + own.nextInt(2), "30.00")
                .put("couponId", String.valueOf(shop.newCoupon(user, "5.00"))).put("moneyPaid", "20.00");
    }

    private void checkoutAndPay(Random own, ObjectNode order) {
        Http.Response answer = balancer.send("checkout", Components.ORDER, url -> Http.postJson(url + "/api/orders", order.toString()));
        if (answer == null || answer.status() != 201) {
            return;
        }
        long orderId = answer.json().path("orderId").asLong();
        placed.add(new Placed(order.path("requestId").asText(), order, orderId, System.nanoTime()));
        if (answer.json().path("payAmount").asText().equals("0.00")) {
            return;
        }
        int choice = own.nextInt(100);
        if (choice < 45) {
            count("paid at once");
            pay(orderId, false);
        } else if (choice < 55) {
            count("paid with the callback sent twice at once");
            pay(orderId, true);
        } else if (choice < 75) {
            count("paid around the deadline");
            payAroundTheDeadline(orderId, own);
        } else {
            count("left unpaid for the timeout");
        }
    }

    /** Opens the payment, then the platform's callback (retried until acknowledged); twice at once if asked. */
    private void pay(long orderId, boolean twiceAtOnce) {
        Map<String, String> callback = openPayment(orderId);
        if (callback == null) {
            return;
        }
        if (twiceAtOnce) {
            Thread twin = new Thread(() -> deliver("duplicate-callback", orderId, callback));
            twin.start();
            deliver("callback", orderId, callback);
            joinQuietly(twin);
        } else {
            deliver("callback", orderId, callback);
        }
    }

    /** Opens the payment now; the callback comes between 5 s before and 5 s after the order's deadline. */
    private void payAroundTheDeadline(long orderId, Random own) {
        Map<String, String> callback = openPayment(orderId);
        if (callback == null) {
            return;
        }
        long at = paymentTimeout.toMillis() - 5_000 + own.nextInt(10_000);
        platformTimers.schedule(() -> deliver("late-callback", orderId, shop.platform().sign(withFreshTimestamp(callback))),
                at, TimeUnit.MILLISECONDS);
    }

    private static Map<String, String> withFreshTimestamp(Map<String, String> callback) {
        Map<String, String> fresh = new LinkedHashMap<>(callback);
        fresh.put("timestamp", String.valueOf(System.currentTimeMillis() / 1000));
        return fresh;
    }

    private Map<String, String> openPayment(long orderId) {
        Http.Response opened = balancer.send("open-payment", Components.PAY,
                url -> shop.platform().at(url).openPayment(String.valueOf(orderId)));
        if (opened == null || (opened.status() != 200 && opened.status() != 201)) {
            return null;
        }
        return shop.platform().successCallback(opened.json().path("payId").asText(), String.valueOf(orderId),
                opened.json().path("payAmount").asText());
    }

    /** The platform's delivery: sent again, a second apart, until acknowledged or it gives up. */
    private void deliver(String request, long orderId, Map<String, String> callback) {
        for (int attempt = 1; attempt <= CALLBACK_TRIES; attempt++) {
            Http.Response answer = balancer.send(request, Components.PAY, url -> shop.platform().at(url).postCallback(callback));
            if (answer == null) {
                return;
            }
            if (answer.status() == 200) {
                acknowledged.put(orderId, Long.parseLong(callback.get("payId")));
                return;
            }
            LockSupport.parkNanos(1_000_000_000L);
        }
        count("callback given up after " + CALLBACK_TRIES + " tries");
    }

    /** A checkout sent again with the request id of one answered 201: the first order, or a clean refusal. */
    private void replay(Random own) {
        Placed earlier = anyPlaced(own, Duration.ZERO);
        if (earlier == null) {
            return;
        }
        count("checkout replayed");
        Http.Response answer = balancer.send("replay", Components.ORDER,
                url -> Http.postJson(url + "/api/orders", earlier.body().toString()));
        if (answer != null && answer.status() / 100 == 2 && answer.json().path("orderId").asLong() != earlier.orderId()) {
            log.anomaly("replaying request " + earlier.requestId() + " answered order " + answer.json().path("orderId")
                    + ", not the first order " + earlier.orderId());
        }
    }

    /** Bad input that order-app refuses before any remote call: its exact code, nothing written. */
    private void badCheckout(Random own) {
        ObjectNode order = shop.validOrder(badInputUser, hotPlenty, 1, "20.00");
        String body;
        String expected;
        switch (own.nextInt(3)) {
            case 0 -> {
                body = order.put("orderAmount", "1.00").toString();
                expected = "400 ORDERAMOUNT_INVALID";
            }
            case 1 -> {
                body = order.put("goodsNumber", -1).toString();
                expected = "400 REQUEST_PARAMETER_INVALID";
            }
            default -> {
                body = "{\"requestId\": \"" + order.path("requestId").asText() + "\", ";
                expected = "400 REQUEST_PARAMETER_INVALID";
            }
        }
        count("bad checkout");
        expect("bad-checkout", Components.ORDER, url -> Http.postJson(url + "/api/orders", body), expected);
    }

    /** A callback for a real payment with a forged signature. */
    private void forgedCallback(Random own) {
        Placed earlier = anyPlaced(own, Duration.ZERO);
        if (earlier == null) {
            return;
        }
        Map<String, String> forged = new LinkedHashMap<>(shop.platform().successCallback(String.valueOf(earlier.orderId()),
                String.valueOf(earlier.orderId()), "1.00"));
        forged.put("sign", "0".repeat(64));
        count("forged callback");
        expect("forged-callback", Components.PAY, url -> shop.platform().at(url).postCallback(forged),
                "401 SIGNATURE_INVALID");
    }

    private void expect(String request, String service, Function<String, Http.Response> call, String expected) {
        Http.Response answer = balancer.send(request, service, call);
        if (answer != null && !answer.outcome().equals(expected)) {
            log.anomaly(request + " answered " + answer.status() + " " + answer.body() + ", expected " + expected);
        }
    }

    /** The timeout message of an order past its deadline delivered again, as a broker may. */
    private void timeoutAgain(Random own) {
        Placed earlier = anyPlaced(own, paymentTimeout.plusSeconds(2));
        if (earlier == null) {
            return;
        }
        if (!shop.stack().isRunning(Components.ROCKETMQ)) {
            count("timeout message not sent again (broker down)");
            return;
        }
        try {
            timeouts.fireNow(earlier.orderId());
            count("timeout message sent again");
        } catch (Exception brokerDown) {
            count("timeout message not sent again (broker unreachable)");
        }
    }

    /** A random order placed at least {@code olderThan} ago, or null. */
    private Placed anyPlaced(Random own, Duration olderThan) {
        long before = System.nanoTime() - olderThan.toNanos();
        List<Placed> old = placed.stream().filter(p -> p.placedNanos() <= before).toList();
        return old.isEmpty() ? null : old.get(own.nextInt(old.size()));
    }

    private static void joinQuietly(Thread thread) {
        try {
            thread.join(120_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
