package com.shop.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.shop.stack.StackSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Checkout latency on the running local stack: creates goods and users of its own (so demo data is
 * untouched and no two requests contend for one row), warms up, then sends N full checkouts (stock,
 * coupon-free, balance used: three providers, four branches) from C client threads and prints the
 * median, p90, p99 and max latency and the throughput. Rerun it as often as you like.
 *
 * <p>Usage: {@code ./benchmark.sh [--requests N] [--concurrency C] [--warmup W]}
 */
public final class CheckoutBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String ORDERS = "http://127.0.0.1:8081/api/orders";

    private CheckoutBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int requests = LoadTools.option(args, "--requests", 300);
        int concurrency = LoadTools.option(args, "--concurrency", 1);
        int warmup = LoadTools.option(args, "--warmup", 50);
        Path root = StackSettings.findRoot(Path.of(""));
        StackSettings settings = StackSettings.fromEnvironment(root, root.resolve(".stack-data"), true);

        long base = LoadTools.fixtureIdBase();
        List<Long> ids = createFixtures(settings, base, concurrency, warmup + requests);
        System.out.printf("benchmark: %d goods/user pair(s) from id %d, %d warm-up + %d measured checkouts, "
                + "%d client thread(s)%n", ids.size(), base, warmup, requests, concurrency);

        run(ids, warmup, concurrency);
        long started = System.nanoTime();
        List<Long> latencies = run(ids, requests, concurrency);
        double seconds = (System.nanoTime() - started) / 1e9;

        Collections.sort(latencies);
        System.out.printf("checkout latency (ms): median %.1f  p90 %.1f  p99 %.1f  max %.1f   throughput %.1f checkouts/s%n",
                LoadTools.percentileMillis(latencies, 50), LoadTools.percentileMillis(latencies, 90), LoadTools.percentileMillis(latencies, 99),
                latencies.get(latencies.size() - 1) / 1e6, latencies.size() / seconds);
    }

    /** Per client thread, a goods and a user with the same id, with stock and balance for every checkout. */
    private static List<Long> createFixtures(StackSettings settings, long base, int threads, int checkouts)
            throws Exception {
        List<Long> ids = new ArrayList<>();
        try (Connection goodsDb = DriverManager.getConnection(settings.jdbcUrl("shop_goods"), settings.dbUser(),
                settings.dbPassword());
             Connection userDb = DriverManager.getConnection(settings.jdbcUrl("shop_user"), settings.dbUser(),
                     settings.dbPassword())) {
            try (PreparedStatement goods = goodsDb.prepareStatement("INSERT INTO trade_goods "
                    + "(goods_id, goods_name, goods_number, goods_price, add_time) VALUES (?, 'benchmark goods', ?, 60.00, NOW())");
                 PreparedStatement user = userDb.prepareStatement("INSERT INTO trade_user "
                    + "(user_id, user_name, user_reg_time, user_money) VALUES (?, 'benchmark user', NOW(), ?)")) {
                for (int i = 0; i < threads; i++) {
                    long id = base + i;
                    goods.setLong(1, id);
                    goods.setInt(2, checkouts * 2);
                    goods.executeUpdate();
                    user.setLong(1, id);
                    user.setBigDecimal(2, new java.math.BigDecimal(checkouts));
                    user.executeUpdate();
                    ids.add(id);
                }
            }
        }
        return ids;
    }

    private static List<Long> run(List<Long> ids, int count, int concurrency) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        AtomicInteger next = new AtomicInteger();
        List<Future<List<Long>>> workers = new ArrayList<>();
        for (int t = 0; t < concurrency; t++) {
            long id = ids.get(t);
            workers.add(pool.submit(() -> {
                List<Long> mine = new ArrayList<>();
                while (next.getAndIncrement() < count) {
                    mine.add(checkout(id, id));
                }
                return mine;
            }));
        }
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> worker : workers) {
            all.addAll(worker.get());
        }
        pool.shutdown();
        return all;
    }

    /** One checkout: 2 x 60.00 (free shipping), 1.00 of balance. Returns its latency in nanoseconds. */
    private static long checkout(long goods, long user) throws Exception {
        ObjectNode body = JSON.createObjectNode()
                .put("requestId", "bench-" + UUID.randomUUID())
                .put("userId", String.valueOf(user)).put("goodsId", String.valueOf(goods)).put("goodsNumber", 2)
                .put("goodsPrice", "60.00").put("shippingFee", "0.00").put("orderAmount", "120.00")
                .put("moneyPaid", "1.00").put("address", "1 Bench Street").put("consignee", "Bench");
        HttpRequest request = HttpRequest.newBuilder(URI.create(ORDERS)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
        long start = System.nanoTime();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        long elapsed = System.nanoTime() - start;
        if (response.statusCode() != 201) {
            throw new IllegalStateException("checkout failed: HTTP " + response.statusCode() + " " + response.body());
        }
        return elapsed;
    }
}
