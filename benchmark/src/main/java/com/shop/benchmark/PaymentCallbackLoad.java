package com.shop.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.shop.stack.Components;
import com.shop.stack.PaymentPlatform;
import com.shop.stack.Ports;
import com.shop.stack.Stack;
import com.shop.stack.StackSettings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;

/**
 * Payment callbacks at a steady open-loop rate, with the RocketMQ broker up and then stopped, on a
 * stack of its own (it has to stop and restart the broker, so it cannot borrow ./shop.sh's). Prints
 * the acknowledgement latency p50/p99/max of each phase, how long after its acknowledgement an order
 * is seen paid (broker up), and how long after the broker's restart every order of the outage is
 * paid, with the outbox rows left. Fixtures (user, confirmed unpaid order, open payment per
 * callback) are seeded straight into the databases; the stack is new on every run.
 *
 * <p>The warm-up runs at most {@value #WARMUP_RATE}/s, a rate the stack sustains, for {@code --warmup}
 * seconds: long enough for the services' JIT to compile the payment path, which a freshly started
 * stack spends most of its CPU on, so the phases measure the steady state a platform meets.
 *
 * <p>Usage: {@code ./benchmark.sh callbacks [--rate 200] [--seconds 20] [--warmup 30]}
 */
public final class PaymentCallbackLoad {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final URI CALLBACK = URI.create(Ports.url(Components.PAY) + "/api/payments/callback");
    private static final String AMOUNT = "70.00";
    private static final long POLL_NANOS = Duration.ofMillis(50).toNanos();
    private static final int CHUNK = 500;
    private static final int WARMUP_RATE = 20;

    private PaymentCallbackLoad() {
    }

    /**
     * The callbacks of one phase and what became of them, indexed by callback. Ids: user, order and
     * payment of callback i are firstId + 3i, +1, +2 (distinct, so a payId/orderId mix-up is refused).
     */
    private static final class Batch {
        final String name;
        final int size;
        final long firstId;
        final long[] intended;
        final long[] sent;
        final long[] answered;
        final String[] outcome;
        final long[] seenPaid;
        /** How many callbacks have gone out: the paid-poller only asks about those. */
        final AtomicInteger dispatched = new AtomicInteger();
        /** Callbacks answered, and of those accepted (200), as the paid-poller sees them. */
        final AtomicInteger answeredCount = new AtomicInteger();
        final AtomicInteger acceptedCount = new AtomicInteger();

        Batch(String name, int size, long firstId) {
            this.name = name;
            this.size = size;
            this.firstId = firstId;
            intended = new long[size];
            sent = new long[size];
            answered = new long[size];
            outcome = new String[size];
            seenPaid = new long[size];
        }

        long userId(int i) {
            return firstId + 3L * i;
        }

        long orderId(int i) {
            return firstId + 3L * i + 1;
        }

        long payId(int i) {
            return firstId + 3L * i + 2;
        }

        int indexOfOrder(long orderId) {
            return (int) ((orderId - firstId - 1) / 3);
        }

        long nextFreeId() {
            return firstId + 3L * size;
        }
    }

    public static void main(String[] args) throws Exception {
        int rate = LoadTools.option(args, "--rate", 200);
        int seconds = LoadTools.option(args, "--seconds", 20);
        int warmup = LoadTools.option(args, "--warmup", 30);
        if (rate < 1 || seconds < 1 || warmup < 0) {
            throw new IllegalArgumentException("--rate and --seconds must be at least 1, --warmup at least 0");
        }
        Path root = StackSettings.findRoot(Path.of(""));
        Path dataDir = root.resolve("benchmark/target/callback-stack");
        System.out.println("Starting a stack of its own in " + dataDir + " (the broker is stopped and restarted "
                + "mid-run). ./shop.sh must NOT be running: this stack needs the same ports.");
        Stack.deleteDataDir(dataDir);
        StackSettings settings = StackSettings.embedded(root, dataDir, true);
        Stack stack = new Stack(settings, Stack.printedProgress());
        // Also on Ctrl-C: no process of this stack may outlive the benchmark.
        Runtime.getRuntime().addShutdownHook(new Thread(stack::stopAll, "callback-stack-shutdown"));
        try {
            stack.startAll();
            run(stack, rate, seconds, warmup);
        } finally {
            stack.stopAll();
        }
    }

    private static void run(Stack stack, int rate, int seconds, int warmup) throws Exception {
        StackSettings settings = stack.settings();
        PaymentPlatform platform = PaymentPlatform.of(settings);
        ExecutorService httpThreads = Executors.newFixedThreadPool(8);
        ExecutorService poller = Executors.newSingleThreadExecutor();
        // Not the shared blocking Http: an open loop sends without waiting for answers, so asynchronously
        // on its own threads. HTTP/1.1: no h2c upgrade attempt; the client opens more connections when answers lag.
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(httpThreads)
                .connectTimeout(Duration.ofSeconds(5)).build();
        try {
            // All fixtures first, so seeding never overlaps a measurement. The stack is fresh, so the
            // ids of one run (3 per callback) cannot meet an earlier run's.
            long seedStart = System.nanoTime();
            int warmRate = Math.min(rate, WARMUP_RATE);
            Batch warm = seed(settings, "warm-up", warmRate * warmup, LoadTools.fixtureIdBase());
            Batch up = seed(settings, "phase 1, broker up", rate * seconds, warm.nextFreeId());
            Batch down = seed(settings, "phase 2, broker down", rate * seconds, up.nextFreeId());
            System.out.printf("%nseeded %d users, orders and open payments in %.1f s (ids from %d); "
                            + "%d processors; %d callbacks/s, %d s per phase, %d s warm-up%n",
                    warm.size + up.size + down.size, (System.nanoTime() - seedStart) / 1e9, warm.firstId,
                    Runtime.getRuntime().availableProcessors(), rate, seconds, warmup);
            System.out.printf("warm-up at %d/s%n", warmRate);

            if (warm.size > 0) {
                send(http, platform, warm, warmRate);
                // Let the warm-up's events drain so phase 1 starts with an empty outbox and idle consumers.
                watchPaid(settings, warm, System.nanoTime() + Duration.ofSeconds(60).toNanos());
                long paid = Arrays.stream(warm.seenPaid).filter(seen -> seen != 0).count();
                System.out.printf("warm-up: %d callbacks, answers %s, %d orders paid; results discarded%n",
                        warm.size, outcomes(warm), paid);
            }

            // Phase 1: the poller runs alongside the sends and watches each order from its dispatch on.
            CompletableFuture<Void> watching = CompletableFuture.runAsync(() -> watchPaid(settings, up,
                    System.nanoTime() + Duration.ofSeconds(seconds + 60L).toNanos()), poller);
            send(http, platform, up, rate);
            watching.join();
            reportAnswers(up, rate);
            reportPaidAfterAnswer(up);

            stack.stop(Components.ROCKETMQ);
            Thread.sleep(2000);
            send(http, platform, down, rate);
            reportAnswers(down, rate);
            System.out.printf("  outbox rows waiting while the broker is down: %d%n", outboxRows(settings));

            // The poller starts before the broker does, so the first orders paid are seen as they are paid.
            long restart = System.nanoTime();
            CompletableFuture<Void> draining = CompletableFuture.runAsync(() -> watchPaid(settings, down,
                    restart + Duration.ofSeconds(180).toNanos()), poller);
            stack.start(Components.ROCKETMQ);
            double brokerReady = (System.nanoTime() - restart) / 1e9;
            draining.join();
            reportDrain(settings, down, restart, brokerReady);
            System.out.println("\nlogs of this stack: " + settings.dataDir().resolve("logs"));
        } finally {
            httpThreads.shutdownNow();
            poller.shutdownNow();
        }
    }

    /**
     * Open loop: callback i is due at start + i/rate whatever happened to the earlier ones, and its
     * latency counts from that due time, so a stall of pay-app (or of this sender) shows up in the
     * percentiles instead of silently lowering the rate (coordinated omission).
     */
    private static void send(HttpClient http, PaymentPlatform platform, Batch batch, int rate) {
        List<CompletableFuture<Void>> answers = new ArrayList<>(batch.size);
        long start = System.nanoTime() + Duration.ofMillis(10).toNanos();
        for (int n = 0; n < batch.size; n++) {
            int i = n;
            batch.intended[i] = start + i * 1_000_000_000L / rate;
            while (System.nanoTime() < batch.intended[i]) {
                LockSupport.parkNanos(batch.intended[i] - System.nanoTime());
            }
            // Signed at the last moment: the timestamp is fresh, as a platform's would be.
            Map<String, String> fields = platform.successCallback(String.valueOf(batch.payId(i)),
                    String.valueOf(batch.orderId(i)), AMOUNT);
            ObjectNode body = JSON.createObjectNode();
            fields.forEach(body::put);
            HttpRequest request = HttpRequest.newBuilder(CALLBACK).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
            batch.sent[i] = System.nanoTime();
            answers.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).handle((response, failure) -> {
                batch.answered[i] = System.nanoTime();
                Throwable cause = failure == null ? null : failure.getCause() == null ? failure : failure.getCause();
                batch.outcome[i] = cause != null ? "no answer (" + cause.getClass().getSimpleName() + ")"
                        : response.statusCode() == 200 ? "200" : response.statusCode() + " " + code(response.body());
                if ("200".equals(batch.outcome[i])) {
                    batch.acceptedCount.incrementAndGet();
                }
                batch.answeredCount.incrementAndGet();
                return null;
            }));
            batch.dispatched.incrementAndGet();
        }
        CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).join();
    }

    /**
     * Polls shop_order every ~50 ms for the dispatched orders not yet seen paid, until all are seen
     * or the deadline passes. A seen time is when the poll that found the order returned: an upper
     * bound, late by at most one poll interval plus the query.
     */
    /**
     * Every callback is out and answered, and as many orders are seen paid as callbacks were accepted:
     * a refused callback's order is never paid, so waiting for it would only run into the deadline.
     */
    private static boolean allAcceptedSeen(Batch batch, int seen) {
        return batch.dispatched.get() == batch.size && batch.answeredCount.get() == batch.size
                && seen >= batch.acceptedCount.get();
    }

    private static void watchPaid(StackSettings settings, Batch batch, long deadline) {
        try (Connection db = connect(settings, "shop_order")) {
            int seen = 0;
            while (!allAcceptedSeen(batch, seen) && System.nanoTime() < deadline) {
                long tick = System.nanoTime();
                List<Long> outstanding = new ArrayList<>();
                int dispatched = batch.dispatched.get();
                for (int i = 0; i < dispatched; i++) {
                    if (batch.seenPaid[i] == 0) {
                        outstanding.add(batch.orderId(i));
                    }
                }
                for (int from = 0; from < outstanding.size(); from += CHUNK) {
                    List<Long> chunk = outstanding.subList(from, Math.min(from + CHUNK, outstanding.size()));
                    String in = chunk.stream().map(String::valueOf).collect(Collectors.joining(","));
                    try (PreparedStatement query = db.prepareStatement(
                            "SELECT order_id FROM trade_order WHERE pay_status = 2 AND order_id IN (" + in + ")");
                         ResultSet rows = query.executeQuery()) {
                        long now = System.nanoTime();
                        while (rows.next()) {
                            batch.seenPaid[batch.indexOfOrder(rows.getLong(1))] = now;
                            seen++;
                        }
                    }
                }
                LockSupport.parkNanos(tick + POLL_NANOS - System.nanoTime());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Polling shop_order failed", e);
        }
    }

    private static void reportAnswers(Batch batch, int rate) {
        List<Long> latency = new ArrayList<>();
        long lastAnswer = 0;
        long maxLag = 0;
        int non200 = 0;
        for (int i = 0; i < batch.size; i++) {
            latency.add(batch.answered[i] - batch.intended[i]);
            lastAnswer = Math.max(lastAnswer, batch.answered[i] - batch.intended[0]);
            maxLag = Math.max(maxLag, batch.sent[i] - batch.intended[i]);
            non200 += "200".equals(batch.outcome[i]) ? 0 : 1;
        }
        Collections.sort(latency);
        double sendSeconds = (batch.sent[batch.size - 1] - batch.sent[0]) / 1e9;
        System.out.printf("%n%s: %d callbacks at %d/s; answers %s; non-200: %d%n",
                batch.name, batch.size, rate, outcomes(batch), non200);
        System.out.printf("  ack latency (from each callback's due time): p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                LoadTools.percentileMillis(latency, 50), LoadTools.percentileMillis(latency, 99),
                latency.get(latency.size() - 1) / 1e6);
        System.out.printf("  achieved: %.1f sent/s (sender late by at most %.1f ms), %.1f answered/s "
                        + "(last answer %.2f s after the first send)%n",
                sendSeconds > 0 ? (batch.size - 1) / sendSeconds : 0.0, maxLag / 1e6,
                batch.size / (lastAnswer / 1e9), lastAnswer / 1e9);
    }

    /** Broker up: from the callback's answer (the platform has its acknowledgement) to the order seen paid. */
    private static void reportPaidAfterAnswer(Batch batch) {
        List<Long> delays = new ArrayList<>();
        int beforeAnswer = 0;
        for (int i = 0; i < batch.size; i++) {
            if (batch.seenPaid[i] != 0) {
                long delay = batch.seenPaid[i] - batch.answered[i];
                beforeAnswer += delay < 0 ? 1 : 0;
                delays.add(Math.max(0, delay));
            }
        }
        Collections.sort(delays);
        System.out.printf("  callback answered → order seen paid (polled every 50 ms): %s; accepted but not paid "
                        + "within 60 s of the last send: %d; seen paid before its answer arrived (counted as 0): %d%n",
                delays.isEmpty() ? "none paid" : String.format("p50 %.0f ms, p99 %.0f ms, max %.0f ms",
                        LoadTools.percentileMillis(delays, 50), LoadTools.percentileMillis(delays, 99),
                        delays.get(delays.size() - 1) / 1e6),
                batch.acceptedCount.get() - delays.size(), beforeAnswer);
    }

    private static void reportDrain(StackSettings settings, Batch batch, long restart, double brokerReady)
            throws SQLException, InterruptedException {
        long firstPaid = Long.MAX_VALUE;
        long lastPaid = 0;
        int unpaid = 0;
        int accepted = 0;
        for (int i = 0; i < batch.size; i++) {
            long seen = batch.seenPaid[i];
            if (!"200".equals(batch.outcome[i])) {
                continue; // refused (503) or unanswered: the platform would send it again; nothing to drain
            }
            accepted++;
            if (seen == 0) {
                unpaid++;
            } else {
                firstPaid = Math.min(firstPaid, seen - restart);
                lastPaid = Math.max(lastPaid, seen - restart);
            }
        }
        System.out.printf("  broker restarted: ready %.1f s after the restart began%n", brokerReady);
        if (unpaid == 0) {
            System.out.printf("  all %d orders of accepted callbacks paid %.1f s after the restart began (first after %.1f s)%n",
                    accepted, lastPaid / 1e9, firstPaid / 1e9);
        } else {
            System.out.printf("  GAVE UP: %d of the %d accepted callbacks' orders still unpaid 180 s after the restart began%n",
                    unpaid, accepted);
            if (lastPaid > 0) {
                System.out.printf("  the other %d were paid %.1f s after the restart began (first after %.1f s)%n",
                        accepted - unpaid, lastPaid / 1e9, firstPaid / 1e9);
            }
        }
        // The relay deletes a row in its own transaction after the send, so a consumer can be faster:
        // give the last deletes a moment before calling what is left a leftover.
        long rows = outboxRows(settings);
        for (int wait = 0; rows > 0 && wait < 100; wait++) {
            Thread.sleep(100);
            rows = outboxRows(settings);
        }
        System.out.printf("  outbox rows left (shop_pay.trade_mq_producer_temp): %d%s%n",
                rows, rows == 0 ? "" : "  <-- NOT EMPTY");
    }

    private static String outcomes(Batch batch) {
        Map<String, Integer> counts = new TreeMap<>();
        for (String outcome : batch.outcome) {
            counts.merge(outcome, 1, Integer::sum);
        }
        return counts.toString();
    }

    private static long outboxRows(StackSettings settings) throws SQLException {
        try (Connection db = connect(settings, "shop_pay");
             ResultSet row = db.createStatement().executeQuery("SELECT COUNT(*) FROM trade_mq_producer_temp")) {
            row.next();
            return row.getLong(1);
        }
    }

    /** Per callback: a buyer (points land there), a confirmed unpaid order, and its open payment. */
    private static Batch seed(StackSettings settings, String name, int size, long firstId) throws SQLException {
        Batch batch = new Batch(name, size, firstId);
        insertAll(settings, "shop_user", "INSERT INTO trade_user (user_id, user_name, user_reg_time, user_money) "
                + "VALUES (?, 'callback buyer', NOW(), 0.00)", size, (row, i) -> row.setLong(1, batch.userId(i)));
        // No goods behind the order: paying reads neither goods nor stock.
        insertAll(settings, "shop_order", "INSERT INTO trade_order (order_id, request_id, user_id, order_status, "
                + "pay_status, address, consignee, goods_id, goods_number, goods_price, goods_amount, shipping_fee, "
                + "order_amount, pay_amount, add_time, confirm_time) VALUES (?, ?, ?, 1, 0, '1 Callback Street', "
                + "'Callback Buyer', ?, 1, 60.00, 60.00, 10.00, " + AMOUNT + ", " + AMOUNT + ", NOW(), NOW())",
                size, (row, i) -> {
                    row.setLong(1, batch.orderId(i));
                    row.setString(2, "callback-" + batch.orderId(i));
                    row.setLong(3, batch.userId(i));
                    row.setLong(4, firstId);
                });
        insertAll(settings, "shop_pay", "INSERT INTO trade_pay (pay_id, order_id, user_id, pay_amount, is_paid, "
                + "open_order_id, create_time) VALUES (?, ?, ?, " + AMOUNT + ", 1, ?, NOW())", size, (row, i) -> {
                    row.setLong(1, batch.payId(i));
                    row.setLong(2, batch.orderId(i));
                    row.setLong(3, batch.userId(i));
                    row.setLong(4, batch.orderId(i));
                });
        return batch;
    }

    private interface RowBinder {
        void bind(PreparedStatement row, int index) throws SQLException;
    }

    /** Batched and rewritten into multi-row INSERTs by the driver: thousands of rows in well under a second. */
    private static void insertAll(StackSettings settings, String database, String sql, int size, RowBinder binder)
            throws SQLException {
        try (Connection db = DriverManager.getConnection(settings.jdbcUrl(database) + "&rewriteBatchedStatements=true",
                settings.dbUser(), settings.dbPassword());
             PreparedStatement insert = db.prepareStatement(sql)) {
            db.setAutoCommit(false);
            for (int i = 0; i < size; i++) {
                binder.bind(insert, i);
                insert.addBatch();
                if ((i + 1) % 1000 == 0) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
            db.commit();
        }
    }

    private static Connection connect(StackSettings settings, String database) throws SQLException {
        return DriverManager.getConnection(settings.jdbcUrl(database), settings.dbUser(), settings.dbPassword());
    }

    private static String code(String body) {
        try {
            return JSON.readTree(body).path("code").asText("?");
        } catch (IOException e) {
            return "?";
        }
    }
}
