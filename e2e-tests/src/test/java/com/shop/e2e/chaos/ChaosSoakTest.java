package com.shop.e2e.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.shop.api.order.OrderStatus;
import com.shop.api.order.PayStatus;
import com.shop.api.payment.PaymentState;
import com.shop.e2e.harness.Answer;
import com.shop.e2e.harness.OrderTimeouts;
import com.shop.e2e.harness.Shop;
import com.shop.e2e.harness.StackExtension;
import com.shop.stack.Components;
import com.shop.stack.Stack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The chaos soak: mixed traffic ({@link MixedTraffic}) for ten minutes while {@link Chaos} arms fault
 * points, kills, stops, freezes and restarts random instances of the TC and the services and takes the
 * broker down, over two TCs and two instances of every service. {@link InvariantWatch} checks what must
 * hold at every instant every few seconds; every two and a half minutes the soak pauses, brings every
 * process back and checks every invariant of docs/design.md once the traffic has settled; at the end it
 * also checks that nothing answered was lost or done twice, that every answer was clean and in time, and
 * that every order left unpaid was cancelled. The report goes to {@code target/chaos-soak-report.md}.
 *
 * <p>Off by default (it takes about 20 minutes): {@code ./mvnw -B verify -Dshop.soak=true} runs it alone.
 * {@code -Dshop.soak.minutes}, {@code .seed}, {@code .replicas} and {@code .clients} change its shape.
 */
@EnabledIfSystemProperty(named = "shop.soak", matches = "true")
@ExtendWith(StackExtension.class)
class ChaosSoakTest {

    private static final Duration PAYMENT_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration SWEEP_INTERVAL = Duration.ofSeconds(15);
    private static final Duration SWEEP_GRACE = Duration.ofSeconds(15);
    /** The 10 s global-transaction timeout, a freeze of up to 5 s on top: any answer later than that hung. */
    private static final Duration LONGEST_ANSWER = Duration.ofSeconds(16);
    private static final Duration CHECKPOINT_EVERY = Duration.ofSeconds(150);
    private static final Duration SETTLE_WITHIN = Duration.ofMinutes(3);
    /** What an armed THROW answers: the bug it plants is an internal error, with its own code. */
    private static final String INJECTED_BUG = "500 INJECTED_FAULT";

    private final Duration length = Duration.ofMinutes(Long.getLong("shop.soak.minutes", 10));
    private final long seed = Long.getLong("shop.soak.seed", System.currentTimeMillis());
    private final int replicas = Integer.getInteger("shop.soak.replicas", 2);
    private final int clients = Integer.getInteger("shop.soak.clients", 6);

    @Test
    void mixedTrafficUnderRandomFaultsBreaksNoInvariantAndLosesNothing(Shop shop) throws Exception {
        Stack stack = shop.stack();
        SoakLog log = null;
        List<String> checkpoints = new ArrayList<>();
        List<String> endChecks = new ArrayList<>();
        Instant began = Instant.now();
        MixedTraffic traffic = null;
        Chaos chaos = null;
        try (OrderTimeouts timeouts = new OrderTimeouts(shop)) {
            stack.startTogether(stack.addInstances(replicas));
            shop.awaitRegistered(replicas);
            log = new SoakLog();
            try (OrderTimeouts.Settings published = timeouts.publish(PAYMENT_TIMEOUT, SWEEP_INTERVAL, SWEEP_GRACE)) {
                InvariantWatch watch = new InvariantWatch(shop.db(), log, SWEEP_GRACE.plus(SWEEP_INTERVAL).plusSeconds(60));
                ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor();
                watcher.scheduleWithFixedDelay(watch::checkNow, 5, 5, TimeUnit.SECONDS);

                traffic = new MixedTraffic(shop, log, seed, PAYMENT_TIMEOUT);
                chaos = new Chaos(shop, log, seed);
                traffic.start(clients);
                chaos.start(Duration.ofSeconds(6), Duration.ofSeconds(14));

                long chaosNanos = 0;
                while (chaosNanos < length.toNanos()) {
                    long stretch = Math.min(CHECKPOINT_EVERY.toNanos(), length.toNanos() - chaosNanos);
                    LockSupport.parkNanos(stretch);
                    chaosNanos += stretch;
                    boolean last = chaosNanos >= length.toNanos();
                    checkpoints.add(checkpoint(shop, log, traffic, chaos, checkpoints.size() + 1, last));
                    if (!last) {
                        chaos.resume();
                        traffic.resume();
                    }
                }
                traffic.close();
                chaos.close();
                watcher.shutdownNow();
                endChecks.addAll(endChecks(shop, log, traffic, chaos));
            }
        } finally {
            if (log != null && traffic != null) {
                Files.writeString(Path.of("target/chaos-soak-report.md"),
                        report(log, traffic, chaos, checkpoints, endChecks, began));
            }
            stack.removeExtraInstances();
            shop.everythingRunningAndDisarmed();
            shop.awaitRegistered(1);
        }
        assertThat(log.of(SoakLog.Kind.ANOMALY)).as("anomalies of the soak (target/chaos-soak-report.md)").isEmpty();
    }

    /**
     * Holds the traffic and the chaos, brings every process back, disarms every fault, and waits until every
     * invariant holds: what it took, in words.
     */
    private String checkpoint(Shop shop, SoakLog log, MixedTraffic traffic, Chaos chaos, int number, boolean last) {
        long paused = System.nanoTime();
        traffic.pause();
        if (!chaos.pauseAndHeal(Duration.ofMinutes(4))) {
            log.anomaly("checkpoint " + number + ": not every process was running again 4 min after the chaos paused");
        }
        List<String> unfired = armedFaults(shop);
        shop.disarmEverywhere();
        shop.awaitProvidersReachable(Duration.ofSeconds(90));
        String result;
        try {
            await().atMost(SETTLE_WITHIN).pollInterval(Duration.ofSeconds(1)).until(() -> shop.invariants().violations().isEmpty());
            result = String.format("every invariant held %.0f s after the traffic paused", (System.nanoTime() - paused) / 1e9);
        } catch (ConditionTimeoutException e) {
            List<String> violations = shop.invariants().violations();
            result = "invariants still broken " + SETTLE_WITHIN.toSeconds() + " s after the traffic paused: " + violations;
            log.anomaly("checkpoint " + number + ": " + violations);
        }
        String line = "checkpoint " + number + (last ? " (the end)" : "") + ": " + result
                + (unfired.isEmpty() ? "" : "; armed faults that had not fired, disarmed: " + unfired);
        log.checkpoint(line);
        return line;
    }

    /** The faults armed and not yet fired in every running instance, "goods-app-2: goods.after-reduce-stock THROW". */
    private static List<String> armedFaults(Shop shop) {
        List<String> armed = new ArrayList<>();
        for (String service : Components.SERVICES) {
            for (String instance : shop.stack().instancesOf(service)) {
                shop.armedFaults(instance).forEach(fault -> armed.add(instance + ": " + fault.point() + " " + fault.action()));
            }
        }
        return armed;
    }

    /**
     * After the last checkpoint: every order left unpaid cancelled, every order answered 201 there once, every
     * acknowledged payment paid or (the cancel first) closed with its refund due, every answer clean and in time.
     */
    private List<String> endChecks(Shop shop, SoakLog log, MixedTraffic traffic, Chaos chaos) {
        List<String> done = new ArrayList<>();
        try {
            await().atMost(PAYMENT_TIMEOUT.plus(SWEEP_GRACE).plus(SWEEP_INTERVAL).plusSeconds(60)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> unpaidAndNotCancelled(shop, traffic).isEmpty());
            shop.invariants().awaitHold(SETTLE_WITHIN);
            done.add("every order left unpaid was cancelled by its timeout, and every invariant held after it");
        } catch (AssertionError | ConditionTimeoutException e) {
            log.anomaly("after the traffic stopped: " + e.getMessage());
        }

        int placedOnce = 0;
        for (MixedTraffic.Placed placed : traffic.placed()) {
            long orders = shop.db().count("shop_order", "SELECT COUNT(*) FROM trade_order WHERE request_id = ?", placed.requestId());
            if (orders == 1) {
                placedOnce++;
            } else {
                log.anomaly("request " + placed.requestId() + " answered 201 but has " + orders + " order(s)");
            }
        }
        done.add(placedOnce + " of " + traffic.placed().size() + " checkouts answered 201 have exactly one order");

        Map<String, Integer> settledAs = new TreeMap<>();
        traffic.acknowledged().forEach((orderId, payId) -> {
            List<Map<String, Object>> payment = shop.db().query("shop_pay", "SELECT is_paid FROM trade_pay WHERE pay_id = ?", payId);
            PaymentState state = payment.isEmpty() ? null : PaymentState.ofCode(((Number) payment.get(0).get("is_paid")).intValue());
            boolean orderPaid = shop.db().count("shop_order", "SELECT COUNT(*) FROM trade_order WHERE order_id = ? AND pay_status = ?",
                    orderId, PayStatus.PAID.code()) == 1;
            boolean refundDue = shop.db().count("shop_pay", "SELECT COUNT(*) FROM trade_refund_due WHERE pay_id = ?", payId) == 1;
            if (state == PaymentState.PAID && orderPaid) {
                settledAs.merge("paid", 1, Integer::sum);
            } else if (state == PaymentState.CLOSED && refundDue) {
                settledAs.merge("cancel won, refund due", 1, Integer::sum);
            } else {
                log.anomaly("payment " + payId + " of order " + orderId + " was acknowledged but is " + state
                        + (orderPaid ? ", order paid" : ", order not paid") + (refundDue ? ", refund due" : ", no refund due"));
            }
        });
        done.add(traffic.acknowledged().size() + " acknowledged payments ended " + settledAs);

        int checked = 0;
        for (Answer answer : traffic.answers()) {
            checked++;
            String who = answer.request() + " answered by " + answer.instance();
            long endNanos = answer.startedNanos() + answer.tookMillis() * 1_000_000;
            if (answer.dropped()) {
                if (!chaos.wentDown(answer.instance(), answer.startedNanos(), endNanos)) {
                    log.anomaly(answer.request() + " sent at " + log.clock(answer.startedNanos()) + " " + answer.outcome()
                            + " after " + answer.tookMillis() + " ms by " + answer.instance() + ", which was not going down");
                }
            } else if (!answer.clean() || (answer.outcome().startsWith("500") && !answer.outcome().equals(INJECTED_BUG))) {
                log.anomaly(who + ": " + answer.outcome());
            } else if (answer.tookMillis() > LONGEST_ANSWER.toMillis()) {
                log.anomaly(who + " took " + answer.tookMillis() + " ms: " + answer.outcome());
            }
        }
        done.add(checked + " answers checked: each a 2xx or a 4xx/5xx with its code, never a 500 but an armed THROW's own, none later than "
                + LONGEST_ANSWER.toSeconds() + " s, none dropped but by an instance going down");
        return done;
    }

    /** The orders the soak placed that are still confirmed and unpaid. */
    private static List<Long> unpaidAndNotCancelled(Shop shop, MixedTraffic traffic) {
        Set<Long> placed = new HashSet<>();
        traffic.placed().forEach(p -> placed.add(p.orderId()));
        return shop.db().query("shop_order", "SELECT order_id FROM trade_order WHERE order_status = ? AND pay_status <> ?",
                        OrderStatus.CONFIRMED.code(), PayStatus.PAID.code()).stream()
                .map(row -> ((Number) row.get("order_id")).longValue()).filter(placed::contains).toList();
    }

    private String report(SoakLog log, MixedTraffic traffic, Chaos chaos, List<String> checkpoints, List<String> endChecks,
                          Instant began) {
        List<String> anomalies = log.of(SoakLog.Kind.ANOMALY).stream().map(e -> log.clock(e.atNanos()) + " " + e.what()).toList();
        return new SoakReport()
                .title("Chaos soak, " + began.toString().substring(0, 16).replace('T', ' ') + " UTC")
                .paragraph(length.toMinutes() + " minutes of chaos (checkpoints not counted), seed " + seed + ", " + replicas
                        + " TCs and " + replicas + " instances of every service, " + clients + " clients; payment timeout "
                        + PAYMENT_TIMEOUT.toSeconds() + " s, sweep every " + SWEEP_INTERVAL.toSeconds() + " s. Rerun: `./mvnw -B verify "
                        + "-Dshop.soak=true -Dshop.soak.seed=" + seed + "` (the same moves in the same order; their timing differs).")
                .section("Verdict: " + (anomalies.isEmpty() ? "no anomaly" : anomalies.size() + " anomalies"))
                .bullets(anomalies, "No anomaly: no invariant broken, nothing lost or done twice, every answer clean and in time.")
                .section("Checkpoints and end checks")
                .bullets(concat(checkpoints, endChecks), "(none)")
                .section("Traffic")
                .traffic(traffic.answers())
                .counts("shopper action", traffic.counts())
                .section("Faults")
                .counts("move", chaos == null ? Map.of() : chaos.moves())
                .section("Timeline")
                .timeline(log, log.events())
                .markdown();
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
