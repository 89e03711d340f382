package com.shop.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.shop.stack.PaymentPlatform;
import com.shop.support.web.Money;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * One phase of the payment-callback scenario: the open payments it pays, the rate the platform sends
 * callbacks at, and what became of each callback — its answer, when it arrived, and when its order was
 * seen paid (by {@link PaidWatcher}). Callback i pays payment i of {@link #orders}.
 */
final class CallbackPhase {

    static final String ACCEPTED = "200";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String name;
    private final LoadPlan.UnpaidOrders orders;
    private final int startRate;
    private final int rate;
    private final int seconds;
    private final PaymentPlatform platform;
    private final Outcomes outcomes = new Outcomes();
    private final AtomicInteger dispatched = new AtomicInteger();
    private final AtomicInteger answered = new AtomicInteger();
    private final AtomicInteger accepted = new AtomicInteger();
    private volatile boolean sent;
    private final String[] answers;
    private final AtomicLongArray answeredAt;
    private final AtomicLongArray seenPaidAt;

    /** A phase ramping from {@code startRate} to {@code rate} callbacks a second over {@code seconds}, then ending. */
    CallbackPhase(String name, LoadPlan.UnpaidOrders orders, int startRate, int rate, int seconds, PaymentPlatform platform) {
        this.name = name;
        this.orders = orders;
        this.startRate = startRate;
        this.rate = rate;
        this.seconds = seconds;
        this.platform = platform;
        answers = new String[orders.count()];
        answeredAt = new AtomicLongArray(orders.count());
        seenPaidAt = new AtomicLongArray(orders.count());
    }

    String name() {
        return name;
    }

    LoadPlan.UnpaidOrders orders() {
        return orders;
    }

    int startRate() {
        return startRate;
    }

    int rate() {
        return rate;
    }

    int seconds() {
        return seconds;
    }

    Outcomes outcomes() {
        return outcomes;
    }

    /** Hands out the callbacks in order, one per virtual user; counts what went out. */
    Iterator<Map<String, Object>> feeder() {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return dispatched.get() < orders.count();
            }

            @Override
            public Map<String, Object> next() {
                int i = dispatched.getAndIncrement();
                if (i >= orders.count()) {
                    throw new NoSuchElementException("the phase seeded " + orders.count() + " open payments; Gatling asked for more");
                }
                return Map.of("callback", i);
            }
        };
    }

    /** Callback i as the platform sends it: signed at the moment it goes out, so its timestamp is fresh. */
    String signedBody(int i) {
        Map<String, String> fields = platform.successCallback(String.valueOf(orders.pay(i)), String.valueOf(orders.order(i)),
                Money.format(orders.amount()));
        ObjectNode body = JSON.createObjectNode();
        fields.forEach(body::put);
        return body.toString();
    }

    void answered(int i, Integer status, String code, long millis) {
        answers[i] = Outcomes.answer(status, code);
        outcomes.answered(name, status, code, millis);
        if (ACCEPTED.equals(answers[i])) {
            accepted.incrementAndGet();
        }
        answeredAt.set(i, System.nanoTime());
        answered.incrementAndGet();
    }

    void seenPaid(int i, long at) {
        seenPaidAt.compareAndSet(i, 0, at);
    }

    /** Gatling has finished the phase: every callback that will go out has gone out. */
    void allSent() {
        sent = true;
    }

    boolean isAllSent() {
        return sent;
    }

    int dispatched() {
        return dispatched.get();
    }

    int answeredCount() {
        return answered.get();
    }

    int acceptedCount() {
        return accepted.get();
    }

    boolean wasAccepted(int i) {
        return ACCEPTED.equals(answers[i]);
    }

    long answeredAt(int i) {
        return answeredAt.get(i);
    }

    long seenPaidAt(int i) {
        return seenPaidAt.get(i);
    }
}
