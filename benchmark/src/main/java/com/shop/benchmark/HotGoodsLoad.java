package com.shop.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.shop.stack.StackSettings;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Buyers rushing hot goods, all released at once, against the running local stack: each of
 * {@code --goods} hot goods has {@code --stock} units, {@code --buyers} buyers (spread evenly over
 * them, each a user of its own) want {@code --quantity} units each, and {@code --ordinary} checkouts
 * of ordinary goods arrive in the same instant. Prints each answer's status and code with counts,
 * p50/p99/max answer time per kind of checkout, units sold per goods against stock, and oversell
 * (which must be zero). Fixtures are new on every run, with real-size (19-digit) ids.
 *
 * <p>Usage: {@code ./benchmark.sh hot [--buyers 200] [--goods 1] [--stock 50] [--quantity 1] [--ordinary 0]}
 */
public final class HotGoodsLoad {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ORDERS = "http://127.0.0.1:8081/api/orders";
    private static final String PRICE = "10.00";

    private HotGoodsLoad() {
    }

    public static void main(String[] args) throws Exception {
        int buyers = LoadTools.option(args, "--buyers", 200);
        int goodsCount = LoadTools.option(args, "--goods", 1);
        int stock = LoadTools.option(args, "--stock", 50);
        int quantity = LoadTools.option(args, "--quantity", 1);
        int ordinary = LoadTools.option(args, "--ordinary", 0);
        Path root = StackSettings.findRoot(Path.of(""));
        StackSettings settings = StackSettings.fromEnvironment(root, root.resolve(".stack-data"), true);

        long base = LoadTools.fixtureIdBase();
        List<Long> hotGoods = new ArrayList<>();
        List<ObjectNode> orders = new ArrayList<>();
        List<Boolean> isHot = new ArrayList<>();
        try (Connection goodsDb = connect(settings, "shop_goods"); Connection userDb = connect(settings, "shop_user")) {
            long id = base;
            for (int g = 0; g < goodsCount; g++) {
                hotGoods.add(insertGoods(goodsDb, ++id, stock));
            }
            for (int b = 0; b < buyers; b++) {
                orders.add(order(insertUser(userDb, ++id), hotGoods.get(b % goodsCount), quantity));
                isHot.add(true);
            }
            for (int o = 0; o < ordinary; o++) {
                orders.add(order(insertUser(userDb, ++id), insertGoods(goodsDb, ++id, quantity), quantity));
                isHot.add(false);
            }
        }
        System.out.printf("hot goods: %d goods x %d units, %d buyers x %d unit(s), %d ordinary checkouts, ids from %d%n",
                goodsCount, stock, buyers, quantity, ordinary, base);

        // Interleave ordinary checkouts with the rush, then release every request in the same instant.
        List<Integer> sendOrder = new ArrayList<>();
        for (int i = 0; i < orders.size(); i++) {
            sendOrder.add(i);
        }
        Collections.shuffle(sendOrder, new java.util.Random(42));
        ExecutorService senders = Executors.newFixedThreadPool(Math.min(orders.size(), 1200));
        HttpClient http = HttpClient.newBuilder().executor(senders).connectTimeout(Duration.ofSeconds(10)).build();
        long[] latency = new long[orders.size()];
        String[] outcome = new String[orders.size()];
        long started = System.nanoTime();
        List<CompletableFuture<Void>> answers = new ArrayList<>();
        for (int i : sendOrder) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(ORDERS)).timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(orders.get(i).toString())).build();
            long sent = System.nanoTime();
            answers.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).handle((response, failure) -> {
                latency[i] = System.nanoTime() - sent;
                Throwable cause = failure == null ? null : failure.getCause() == null ? failure : failure.getCause();
                outcome[i] = cause != null ? "no answer (" + cause.getClass().getSimpleName() + ": " + cause.getMessage() + ")"
                        : response.statusCode() == 201 ? "201" : response.statusCode() + " " + code(response.body());
                return null;
            }));
        }
        CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).join();
        double allAnsweredSeconds = (System.nanoTime() - started) / 1e9;
        senders.shutdownNow();

        report("hot-goods buyers", outcome, latency, isHot, true);
        if (ordinary > 0) {
            report("ordinary checkouts", outcome, latency, isHot, false);
        }
        System.out.printf("all %d answered after %.1f s%n", orders.size(), allAnsweredSeconds);
        try (Connection goodsDb = connect(settings, "shop_goods"); Connection orderDb = connect(settings, "shop_order")) {
            long oversold = 0;
            long sold = 0;
            for (long goods : hotGoods) {
                long left = single(goodsDb, "SELECT goods_number FROM trade_goods WHERE goods_id = ?", goods);
                long ordered = single(orderDb, "SELECT COALESCE(SUM(goods_number), 0) FROM trade_order "
                        + "WHERE goods_id = ? AND order_status = 1", goods);
                sold += ordered;
                oversold += Math.max(0, ordered - stock) + (left + ordered == stock ? 0 : 1);
            }
            System.out.printf("sold %d of %d hot units; oversold or unaccounted goods: %d%n",
                    sold, (long) stock * goodsCount, oversold);
        }
    }

    private static void report(String kind, String[] outcome, long[] latency, List<Boolean> isHot, boolean hot) {
        Map<String, Integer> counts = new TreeMap<>();
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < outcome.length; i++) {
            if (isHot.get(i) == hot) {
                counts.merge(outcome[i], 1, Integer::sum);
                times.add(latency[i]);
            }
        }
        Collections.sort(times);
        System.out.printf("%s: %s; answer time p50 %.0f ms, p99 %.0f ms, max %.0f ms%n", kind, counts,
                LoadTools.percentileMillis(times, 50), LoadTools.percentileMillis(times, 99), times.get(times.size() - 1) / 1e6);
    }

    private static ObjectNode order(long user, long goods, int quantity) {
        BigDecimal goodsAmount = new BigDecimal(PRICE).multiply(BigDecimal.valueOf(quantity));
        BigDecimal shipping = goodsAmount.compareTo(new BigDecimal("100")) > 0 ? BigDecimal.ZERO : BigDecimal.TEN;
        return JSON.createObjectNode()
                .put("requestId", "hot-" + UUID.randomUUID())
                .put("userId", String.valueOf(user)).put("goodsId", String.valueOf(goods)).put("goodsNumber", quantity)
                .put("goodsPrice", PRICE).put("shippingFee", shipping.setScale(2).toPlainString())
                .put("orderAmount", goodsAmount.add(shipping).setScale(2).toPlainString())
                .put("address", "1 Rush Street").put("consignee", "Rush Buyer");
    }

    private static long insertGoods(Connection db, long id, int stock) throws Exception {
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO trade_goods "
                + "(goods_id, goods_name, goods_number, goods_price, add_time) VALUES (?, 'hot goods', ?, " + PRICE + ", NOW())")) {
            insert.setLong(1, id);
            insert.setInt(2, stock);
            insert.executeUpdate();
        }
        return id;
    }

    private static long insertUser(Connection db, long id) throws Exception {
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO trade_user "
                + "(user_id, user_name, user_reg_time, user_money) VALUES (?, 'rush buyer', NOW(), 0.00)")) {
            insert.setLong(1, id);
            insert.executeUpdate();
        }
        return id;
    }

    private static long single(Connection db, String sql, long id) throws Exception {
        try (PreparedStatement query = db.prepareStatement(sql)) {
            query.setLong(1, id);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static Connection connect(StackSettings settings, String database) throws Exception {
        return DriverManager.getConnection(settings.jdbcUrl(database), settings.dbUser(), settings.dbPassword());
    }

    private static String code(String body) {
        try {
            JsonNode json = JSON.readTree(body);
            return json.path("code").asText("?");
        } catch (Exception e) {
            return "?";
        }
    }
}
