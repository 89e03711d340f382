package com.shop.e2e.harness;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.shop.stack.Components;
import com.shop.stack.Http;
import com.shop.stack.PaymentPlatform;
import com.shop.stack.Ports;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

/**
 * Checkout and payment traffic from a few clients at a steady pace, spread over every running instance
 * of order-app and pay-app the way a load balancer with health checks spreads it: round robin, an
 * instance that refuses the connection is down and skipped, and a request whose connection breaks
 * with it is sent again to another instance, with the same request id for a checkout (checkouts are
 * idempotent by request id). Every answer is recorded with its latency and the instance that gave it.
 *
 * <p>Each client buys with a user, coupon and balance of its own (so every checkout has four
 * branches) and pays what it bought: open the payment, then the platform's signed callback.
 */
public final class SteadyTraffic implements AutoCloseable {

    /** One answered (or dropped) request. */
    public record Answer(String request, String instance, long startedNanos, long tookMillis, String outcome) {

        /** A connection that broke with the process behind it: no answer at all. */
        public static final String DROPPED = "dropped";

        public boolean ok() {
            return outcome.startsWith("2");
        }

        /** A refusal the caller can act on: a 4xx or 5xx with an error code. */
        public boolean clean() {
            return ok() || outcome.matches("[45]\\d\\d [A-Z_]+");
        }
    }

    /** A checkout answered 201, with the request id it was placed under. */
    public record Placed(String requestId, long orderId) {
    }

    private final Shop shop;
    private final List<Answer> answers = new CopyOnWriteArrayList<>();
    private final List<Placed> placed = new CopyOnWriteArrayList<>();
    private final Map<Long, Boolean> paid = new ConcurrentHashMap<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicInteger turn = new AtomicInteger();
    private final List<Thread> clients = new ArrayList<>();
    private final long pauseMillis;

    private SteadyTraffic(Shop shop, long pauseMillis) {
        this.shop = shop;
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
        return List.copyOf(answers);
    }

    /** The answers to requests sent at or after {@code fromNanos} and before {@code toNanos} (System.nanoTime()). */
    public List<Answer> sentBetween(long fromNanos, long toNanos) {
        return answers.stream().filter(a -> a.startedNanos() >= fromNanos && a.startedNanos() < toNanos).toList();
    }

    public List<Placed> placed() {
        return List.copyOf(placed);
    }

    /** Orders whose payment callback was answered 200. */
    public List<Long> paid() {
        return List.copyOf(paid.keySet());
    }

    /** How many answers had each outcome ("201", "503 DOWNSTREAM_UNAVAILABLE", "dropped"). */
    public static Map<String, Integer> outcomes(List<Answer> answers) {
        Map<String, Integer> outcomes = new TreeMap<>();
        answers.forEach(answer -> outcomes.merge(answer.request() + " " + answer.outcome(), 1, Integer::sum));
        return outcomes;
    }

    /** Stops the clients after their current request and waits for them. */
    @Override
    public void close() {
        running.set(false);
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
        while (running.get()) {
            long user = shop.newUser("100.00");
            long coupon = shop.newCoupon(user, "5.00");
            ObjectNode order = shop.validOrder(user, goods, 1, "20.00")
                    .put("couponId", String.valueOf(coupon)).put("moneyPaid", "10.00");
            Http.Response checkout = send("checkout", Components.ORDER,
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
        Http.Response opened = send("open-payment", Components.PAY,
                url -> platform(url).openPayment(String.valueOf(orderId)));
        if (opened == null || (opened.status() != 200 && opened.status() != 201)) {
            return;
        }
        Map<String, String> callback = shop.platform().successCallback(opened.json().path("payId").asText(),
                String.valueOf(orderId), opened.json().path("payAmount").asText());
        Http.Response answered = send("callback", Components.PAY, url -> platform(url).postCallback(callback));
        if (answered != null && answered.status() == 200) {
            paid.put(orderId, true);
        }
    }

    private PaymentPlatform platform(String url) {
        return shop.platform().at(url);
    }

    /**
     * Sends the request to the next running instance of the service; a refused connection moves on to
     * the next instance, a dropped one is recorded and sent again elsewhere (the same request: a
     * checkout keeps its request id, a callback its nonce). Null only when the traffic is stopping.
     */
    private Http.Response send(String request, String service, Function<String, Http.Response> call) {
        while (running.get()) {
            List<String> instances = shop.stack().instancesOf(service);
            String instance = instances.get(Math.floorMod(turn.getAndIncrement(), instances.size()));
            long started = System.nanoTime();
            try {
                Http.Response response = call.apply(Ports.url(instance));
                answers.add(new Answer(request, instance, started, (System.nanoTime() - started) / 1_000_000,
                        outcome(response)));
                return response;
            } catch (UncheckedIOException failed) {
                if (!(failed.getCause() instanceof ConnectException)) {
                    answers.add(new Answer(request, instance, started, (System.nanoTime() - started) / 1_000_000,
                            Answer.DROPPED));
                }
                LockSupport.parkNanos(50_000_000);
            }
        }
        return null;
    }

    private static String outcome(Http.Response response) {
        try {
            return response.outcome();
        } catch (UncheckedIOException notJson) {
            return response.status() + " (no error code)";
        }
    }
}
