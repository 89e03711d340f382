package com.shop.load;

import com.shop.stack.StackSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** {@code ./load.sh scale}: checkout as trade_order grows, and Seata's tables after an hour of checkouts. */
final class ScaleScenario implements Scenario {

    private final StackSettings settings;
    private final Path results;
    private final CheckoutRounds checkoutRounds;

    ScaleScenario(LoadContext context) throws IOException {
        this.settings = context.settings();
        this.results = context.results();
        this.checkoutRounds = new CheckoutRounds(context);
    }

    /**
     * Does a checkout slow down as the orders pile up, and does Seata leave anything behind? AT-on checkout
     * rounds with {@code trade_order} resized with historic orders to each size (the run's own earlier checkouts
     * deleted first), the sizes' order alternating from round to round (ascending, then descending) so the
     * machine's drift hits every size alike; then an
     * hour's worth of checkouts at the largest size ({@code --hour}: 36,000, a shop taking 10 a second,
     * compressed into as long as the stack needs) while the undo logs and the TC's tables are sampled, which
     * must be empty soon after. The historic orders are deleted at the end.
     */
    @Override
    public Map<String, Object> run(LoadOptions options) throws Exception {
        List<Long> sizes = Arrays.stream(options.text("rows", "0,100000,1000000").split(","))
                .map(String::trim).map(Long::parseLong).sorted().toList();
        int concurrency = options.integer("concurrency", 8);
        int seconds = options.integer("seconds", 40);
        int rounds = options.integer("rounds", 3);
        int warmup = options.integer("warmup", 120);
        int hourCheckouts = options.integer("hour", 36_000);

        List<LoadPlan.Buyer> buyers = checkoutRounds.buyers(concurrency);
        List<Long> buyerIds = buyers.stream().map(LoadPlan.Buyer::user).toList();
        TransactionTables seataTables = new TransactionTables(settings);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("scenario", "checkout as trade_order grows; Seata's tables after an hour of checkouts");
        summary.put("concurrency", concurrency);
        summary.put("secondsPerRound", seconds);
        summary.put("rounds", rounds);
        summary.put("transactionTablesBefore", seataTables.rows());
        List<Map<String, Object>> measured = new ArrayList<>();
        try (HistoricOrders history = new HistoricOrders(settings)) {
            checkoutRounds.run(buyers, warmup, true, "warm-up, AT on");
            for (int round = 1; round <= rounds; round++) {
                List<Long> order = new ArrayList<>(sizes);
                if (round % 2 == 0) {
                    Collections.reverse(order);
                }
                for (long size : order) {
                    long resizing = System.nanoTime();
                    history.deleteOrdersOf(buyerIds);
                    long change = history.resizeTo(size);
                    long tableRows = history.tableRows();
                    System.out.printf("trade_order: %d rows (%+d historic orders, %.1f s, InnoDB caught up)%n",
                            tableRows, change, (System.nanoTime() - resizing) / 1e9);
                    Map<String, Object> result = checkoutRounds.run(buyers, seconds, true,
                            "round " + round + ", trade_order at " + tableRows + " rows");
                    result.put("round", round);
                    result.put("sizeAskedFor", size);
                    result.put("tableRows", tableRows);
                    measured.add(result);
                }
            }
            summary.put("bySize", medianBySize(sizes, measured));
            summary.put("measured", measured);
            Files.createDirectories(results);
            Files.writeString(results.resolve("scale.svg"), ScaleChart.svg(String.format(Locale.ROOT,
                    "Checkout as trade_order grows: %d clients, %d rounds x %d s, sizes alternating", concurrency, rounds,
                    seconds), sizes, measured));
            history.resizeTo(sizes.get(sizes.size() - 1));
            summary.put("hourOfCheckouts", hourOfCheckouts(buyers, hourCheckouts, seataTables, history));
        } finally {
            try (HistoricOrders leftovers = new HistoricOrders(settings)) {
                long removing = System.nanoTime();
                System.out.printf("historic orders removed: %d in %.1f s%n", leftovers.removeAll(), (System.nanoTime() - removing) / 1e9);
            }
        }
        return summary;
    }

    /** Per size asked for: the median of the rounds' throughput, p50 and p99, and the throughput against the smallest size's. */
    static Map<String, Object> medianBySize(List<Long> sizes, List<Map<String, Object>> measured) {
        Map<String, Object> bySize = new LinkedHashMap<>();
        Double smallest = null;
        for (long size : sizes) {
            List<Map<String, Object>> ofSize = measured.stream().filter(round -> round.get("sizeAskedFor").equals(size)).toList();
            double throughput = median(ofSize, "throughputPerSecond");
            smallest = smallest == null ? throughput : smallest;
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("tableRows", ofSize.stream().map(round -> round.get("tableRows")).toList());
            entry.put("throughputPerSecond", throughput);
            entry.put("p50Ms", median(ofSize, "p50Ms"));
            entry.put("p99Ms", median(ofSize, "p99Ms"));
            entry.put("throughputVsSmallest", Math.round(throughput / smallest * 100) / 100.0);
            bySize.put(String.valueOf(size), entry);
        }
        return bySize;
    }

    private static double median(List<Map<String, Object>> rounds, String figure) {
        return AbComparison.median(rounds.stream().map(round -> ((Number) round.get(figure)).doubleValue()).toList());
    }

    /**
     * {@code checkouts} AT-on checkouts in one-minute rounds, the transaction tables sampled every 5 s all
     * along (their largest size is how much a running stack keeps), then how long until they are empty.
     */
    private Map<String, Object> hourOfCheckouts(List<LoadPlan.Buyer> buyers, int checkouts,
            TransactionTables seataTables, HistoricOrders history) throws Exception {
        Map<String, Long> largest = new ConcurrentHashMap<>();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleWithFixedDelay(() -> {
            try {
                seataTables.rows().forEach((table, rows) -> largest.merge(table, rows, Math::max));
            } catch (SQLException e) {
                System.err.println("sampling Seata's tables failed: " + e.getMessage());
            }
        }, 0, 5, TimeUnit.SECONDS);
        long done = 0;
        long began = System.nanoTime();
        try {
            while (done < checkouts) {
                Map<String, Object> round = checkoutRounds.run(buyers, 60, true,
                        "hour of checkouts: " + done + " of " + checkouts + " done");
                done += (Long) round.get("checkouts");
            }
        } finally {
            sampler.shutdownNow();
        }
        double trafficSeconds = (System.nanoTime() - began) / 1e9;
        long stopped = System.nanoTime();
        Map<String, Long> left = seataTables.rows();
        while (left.values().stream().anyMatch(rows -> rows > 0) && System.nanoTime() - stopped < Duration.ofMinutes(2).toNanos()) {
            Thread.sleep(500);
            left = seataTables.rows();
        }
        double emptyAfter = (System.nanoTime() - stopped) / 1e9;
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("checkouts", done);
        result.put("trafficSeconds", Numbers.round1(trafficSeconds));
        result.put("checkoutsPerSecond", Numbers.round1(done / trafficSeconds));
        result.put("tableRowsAfter", history.tableRows());
        result.put("largestRowsSampledDuringTraffic", new TreeMap<>(largest));
        result.put("rowsLeft", left);
        boolean empty = left.values().stream().allMatch(rows -> rows == 0);
        result.put("emptyAfterSeconds", empty ? Numbers.round1(emptyAfter) : null);
        System.out.printf("hour of checkouts: %d in %.0f s; Seata's tables %s%n", done, trafficSeconds,
                empty ? String.format("empty %.1f s after the traffic stopped", emptyAfter) : "NOT EMPTY 2 minutes after: " + left);
        if (!empty) {
            throw new IllegalStateException("Seata's tables still hold rows 2 minutes after the traffic stopped: " + left);
        }
        return result;
    }
}
