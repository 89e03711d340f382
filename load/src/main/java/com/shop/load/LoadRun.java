package com.shop.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.shop.api.order.PayStatus;
import com.shop.stack.Components;
import com.shop.stack.Http;
import com.shop.stack.NacosOpenApi;
import com.shop.stack.PaymentPlatform;
import com.shop.stack.PidFile;
import com.shop.stack.StackControl;
import com.shop.stack.StackSettings;
import com.shop.support.web.Money;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The load driver: against the stack {@code ./shop.sh} runs, seeds its own goods and users, runs
 * the Gatling simulations of a scenario, and writes an HTML report per simulation run and one JSON
 * summary per scenario run. It starts nothing.
 *
 * <pre>
 *   ./load.sh checkout [--concurrency 8] [--seconds 40] [--rounds 3] [--warmup 120]
 *       AT on vs. off, interleaved: each round runs both modes back to back, in alternating order
 *   ./load.sh hot [--buyers 200] [--goods 1] [--stock 50] [--ordinary 0]
 *       buyers rushing hot goods, all at once, with ordinary checkouts of other goods among them
 *   ./load.sh callback [--rate 100] [--seconds 30] [--warmup 60]
 *       payment callbacks at a steady rate, the broker up, then stopped by the launcher, then started again
 *   ./load.sh scale [--rows 0,100000,1000000] [--concurrency 8] [--seconds 40] [--hour 36000]
 *       AT-on checkouts with trade_order at each size, then an hour's worth of checkouts: Seata's tables empty after
 *   ./load.sh idle [--seconds 60]
 *       no traffic: the CPU each process of the stack uses, and its busiest threads
 * </pre>
 */
public final class LoadRun {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final String HOT_BUYER = "hot buyer";
    private static final String ORDINARY = "ordinary checkout";
    private static final BigDecimal CALLBACK_AMOUNT = new BigDecimal("70.00");

    private final StackSettings settings;
    private final Path results;

    private LoadRun(StackSettings settings, Path results) {
        this.settings = settings;
        this.results = results;
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || !List.of("checkout", "hot", "callback", "scale", "idle").contains(args[0])) {
            System.err.println("usage: ./load.sh checkout|hot|callback|scale|idle [--name value ...] (see docs/benchmarks.md)");
            System.exit(2);
        }
        Path root = StackSettings.findRoot(Path.of(""));
        StackSettings settings = StackSettings.fromEnvironment(root, root.resolve(".stack-data"), true);
        String run = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + "-" + args[0];
        LoadRun load = new LoadRun(settings, root.resolve("load/target/load-results").resolve(run));
        LoadOptions options = new LoadOptions(Arrays.copyOfRange(args, 1, args.length));
        Map<String, Object> summary = switch (args[0]) {
            case "checkout" -> load.checkoutAtOnVersusOff(options);
            case "hot" -> load.hotGoods(options);
            case "callback" -> load.paymentCallbacks(options);
            case "scale" -> load.scale(options);
            default -> load.idle(options);
        };
        Path file = load.results.resolve("summary.json");
        JSON.writeValue(file.toFile(), summary);
        Files.copy(file, root.resolve("load/target/load-summary.json"), StandardCopyOption.REPLACE_EXISTING);
        System.out.println(JSON.writeValueAsString(summary));
        System.out.println("summary: " + file + "\nreports: " + load.results.resolve("gatling"));
        System.exit(0);
    }

    /** Rounds of AT on and AT off back to back, the order alternating, so the machine's drift cancels out. */
    private Map<String, Object> checkoutAtOnVersusOff(LoadOptions options) throws Exception {
        int concurrency = options.integer("concurrency", 8);
        int seconds = options.integer("seconds", 40);
        int rounds = options.integer("rounds", 3);
        int warmup = options.integer("warmup", 120);

        List<LoadPlan.Buyer> buyers = checkoutBuyers(concurrency);
        LoadPlan.Buyer modeProbe = checkoutBuyers(1).get(0);
        StackCpu cpu = new StackCpu(new PidFile(settings.dataDir()));
        List<Map<String, Object>> measured = new ArrayList<>();
        try (GlobalTransactionSwitch globalTransactions = new GlobalTransactionSwitch(NacosOpenApi.of(settings))) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(globalTransactions)));
            for (boolean on : new boolean[] {true, false}) {
                switchTo(globalTransactions, on, modeProbe);
                checkoutRound(buyers, warmup, on, "warm-up, " + mode(on), cpu);
            }
            for (int round = 1; round <= rounds; round++) {
                boolean onFirst = round % 2 == 1;
                for (boolean on : new boolean[] {onFirst, !onFirst}) {
                    switchTo(globalTransactions, on, modeProbe);
                    Map<String, Object> result = checkoutRound(buyers, seconds, on, "round " + round + ", " + mode(on), cpu);
                    result.put("round", round);
                    measured.add(result);
                }
            }
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("scenario", "checkout on distinct goods, AT on vs. off");
        summary.put("concurrency", concurrency);
        summary.put("secondsPerRound", seconds);
        summary.put("rounds", rounds);
        Map<String, Object> comparison = AbComparison.of(measured);
        summary.put("comparison", comparison);
        summary.put("measured", measured);
        Files.createDirectories(results);
        Files.writeString(results.resolve("checkout.svg"), CheckoutChart.svg(String.format(Locale.ROOT,
                "Checkout, AT on vs. off: %d clients, %d rounds x %d s, interleaved", concurrency, rounds, seconds),
                measured, comparison));
        return summary;
    }

    /** Buyers of the closed-loop checkout, each with a goods of its own and stock and money for any run. */
    private List<LoadPlan.Buyer> checkoutBuyers(int count) throws SQLException {
        List<LoadPlan.Buyer> buyers = new ArrayList<>();
        try (Fixtures fixtures = new Fixtures(settings)) {
            for (int i = 0; i < count; i++) {
                buyers.add(new LoadPlan.Buyer(fixtures.user(new BigDecimal("10000000")),
                        fixtures.goods(10_000_000, CheckoutSimulation.PRICE)));
            }
        }
        return buyers;
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
    private Map<String, Object> scale(LoadOptions options) throws Exception {
        List<Long> sizes = Arrays.stream(options.text("rows", "0,100000,1000000").split(","))
                .map(String::trim).map(Long::parseLong).sorted().toList();
        int concurrency = options.integer("concurrency", 8);
        int seconds = options.integer("seconds", 40);
        int rounds = options.integer("rounds", 3);
        int warmup = options.integer("warmup", 120);
        int hourCheckouts = options.integer("hour", 36_000);

        List<LoadPlan.Buyer> buyers = checkoutBuyers(concurrency);
        List<Long> buyerIds = buyers.stream().map(LoadPlan.Buyer::user).toList();
        StackCpu cpu = new StackCpu(new PidFile(settings.dataDir()));
        TransactionTables seataTables = new TransactionTables(settings);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("scenario", "checkout as trade_order grows; Seata's tables after an hour of checkouts");
        summary.put("concurrency", concurrency);
        summary.put("secondsPerRound", seconds);
        summary.put("rounds", rounds);
        summary.put("transactionTablesBefore", seataTables.rows());
        List<Map<String, Object>> measured = new ArrayList<>();
        try (HistoricOrders history = new HistoricOrders(settings)) {
            checkoutRound(buyers, warmup, true, "warm-up, AT on", cpu);
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
                    Map<String, Object> result = checkoutRound(buyers, seconds, true,
                            "round " + round + ", trade_order at " + tableRows + " rows", cpu);
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
            summary.put("hourOfCheckouts", hourOfCheckouts(buyers, hourCheckouts, cpu, seataTables, history));
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
    private Map<String, Object> hourOfCheckouts(List<LoadPlan.Buyer> buyers, int checkouts, StackCpu cpu,
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
                Map<String, Object> round = checkoutRound(buyers, 60, true,
                        "hour of checkouts: " + done + " of " + checkouts + " done", cpu);
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
        result.put("trafficSeconds", round1(trafficSeconds));
        result.put("checkoutsPerSecond", round1(done / trafficSeconds));
        result.put("tableRowsAfter", history.tableRows());
        result.put("largestRowsSampledDuringTraffic", new TreeMap<>(largest));
        result.put("rowsLeft", left);
        boolean empty = left.values().stream().allMatch(rows -> rows == 0);
        result.put("emptyAfterSeconds", empty ? round1(emptyAfter) : null);
        System.out.printf("hour of checkouts: %d in %.0f s; Seata's tables %s%n", done, trafficSeconds,
                empty ? String.format("empty %.1f s after the traffic stopped", emptyAfter) : "NOT EMPTY 2 minutes after: " + left);
        if (!empty) {
            throw new IllegalStateException("Seata's tables still hold rows 2 minutes after the traffic stopped: " + left);
        }
        return result;
    }

    private Map<String, Object> checkoutRound(List<LoadPlan.Buyer> buyers, int seconds, boolean on, String description,
            StackCpu cpu) throws Exception {
        Outcomes outcomes = new Outcomes();
        LoadPlan.next(new LoadPlan.CheckoutRound(buyers, seconds, on, outcomes));
        Map<String, Double> before = cpu.secondsSoFar();
        Path report = GatlingRun.run(CheckoutSimulation.class, results.resolve("gatling"), description);
        Map<String, Double> used = StackCpu.difference(before, cpu.secondsSoFar());

        Outcomes.Times stats = outcomes.times(mode(on));
        long ok = outcomes.counted(mode(on), "201");
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("mode", mode(on));
        result.put("report", report.resolve("index.html").toString());
        result.put("checkouts", ok);
        result.put("failed", stats.answers() - ok);
        result.put("throughputPerSecond", round1(ok / (double) seconds));
        result.put("p50Ms", stats.p50Ms());
        result.put("p99Ms", stats.p99Ms());
        result.put("maxMs", stats.maxMs());
        result.put("answers", outcomes.snapshot().getOrDefault(mode(on), Map.of()));
        Map<String, Double> perCheckout = new LinkedHashMap<>();
        used.forEach((process, cpuSeconds) -> perCheckout.put(process, round1(cpuSeconds * 1000 / Math.max(1, ok))));
        result.put("cpuMsPerCheckout", perCheckout);
        long inMode = outcomes.counted(mode(on), on ? "201 in a global transaction" : "201 without one");
        if (inMode != ok) {
            throw new IllegalStateException(description + ": " + (ok - inMode) + " of " + ok
                    + " checkouts were not " + mode(on) + "; the switch did not take: " + outcomes.snapshot());
        }
        System.out.printf("%s: %d checkouts, %.1f/s, p50 %d ms, p99 %d ms%n", description, ok,
                ok / (double) seconds, stats.p50Ms(), stats.p99Ms());
        return result;
    }

    /** Publishes the mode, then waits until a checkout shows it (services apply configuration within seconds). */
    private static void switchTo(GlobalTransactionSwitch globalTransactions, boolean on, LoadPlan.Buyer probe) throws Exception {
        globalTransactions.turn(on);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            Http.Response answer = Http.postJson(CheckoutRequests.ORDER_APP + CheckoutRequests.PATH, CheckoutRequests.body(
                    probe.user(), probe.goods(), CheckoutSimulation.QUANTITY, CheckoutSimulation.PRICE,
                    CheckoutSimulation.BALANCE_PAID));
            if (answer.status() != 201) {
                throw new IllegalStateException("a mode probe checkout failed: HTTP " + answer.status() + " " + answer.body());
            }
            if (answer.body().contains("\"xid\":\"") == on) {
                return;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the services did not turn global transactions " + (on ? "on" : "off") + " within 60 s");
    }

    /** Buyers (one unit each) spread evenly over the hot goods, ordinary checkouts of goods of their own, shuffled, released at once. */
    private Map<String, Object> hotGoods(LoadOptions options) throws Exception {
        int buyers = options.integer("buyers", 200);
        int goodsCount = options.integer("goods", 1);
        int stock = options.integer("stock", 50);
        int ordinary = options.integer("ordinary", 0);

        List<Long> hot = new ArrayList<>();
        List<LoadPlan.RushCheckout> checkouts = new ArrayList<>();
        Outcomes outcomes = new Outcomes();
        Map<String, Object> summary = new LinkedHashMap<>();
        try (Fixtures fixtures = new Fixtures(settings)) {
            for (int g = 0; g < goodsCount; g++) {
                hot.add(fixtures.goods(stock, HotGoodsSimulation.PRICE));
            }
            for (int b = 0; b < buyers; b++) {
                checkouts.add(new LoadPlan.RushCheckout(HOT_BUYER, fixtures.user(BigDecimal.ZERO), hot.get(b % goodsCount)));
            }
            for (int o = 0; o < ordinary; o++) {
                checkouts.add(new LoadPlan.RushCheckout(ORDINARY, fixtures.user(BigDecimal.ZERO), fixtures.goods(1, HotGoodsSimulation.PRICE)));
            }
            Collections.shuffle(checkouts, new Random(42));
            LoadPlan.next(new LoadPlan.Rush(checkouts, outcomes));
            System.out.printf("hot goods: %d goods x %d units, %d buyers, %d ordinary checkouts%n", goodsCount, stock, buyers, ordinary);

            Path report = GatlingRun.run(HotGoodsSimulation.class, results.resolve("gatling"),
                    buyers + " buyers for " + goodsCount + " x " + stock + " units, " + ordinary + " ordinary");

            long sold = 0;
            long unaccounted = 0;
            for (long goods : hot) {
                long ordered = fixtures.unitsOrdered(goods);
                sold += ordered;
                unaccounted += Math.max(0, ordered - stock) + (fixtures.stockLeft(goods) + ordered == stock ? 0 : 1);
            }
            summary.put("scenario", "hot goods rush");
            summary.put("buyers", buyers);
            summary.put("hotGoods", goodsCount);
            summary.put("stockEach", stock);
            summary.put("ordinary", ordinary);
            summary.put("report", report.resolve("index.html").toString());
            summary.put("hotUnitsSold", sold);
            summary.put("oversoldOrUnaccountedGoods", unaccounted);
            summary.put("answers", outcomes.snapshot());
            summary.put("allAnsweredAfterMs", Math.max(outcomes.times(HOT_BUYER).maxMs(), outcomes.times(ORDINARY).maxMs()));
            Map<String, Object> times = new LinkedHashMap<>();
            for (String kind : List.of(HOT_BUYER, ORDINARY)) {
                times.put(kind, outcomes.times(kind));
            }
            summary.put("answerTimes", times);
        }
        return summary;
    }

    /**
     * Payment callbacks at a steady rate: with the broker up (acknowledgement times, and acknowledgement →
     * order paid), then with the broker stopped by the launcher (acknowledgements only: the outbox holds
     * the events), then after the launcher started it again (until every accepted callback's order is
     * paid and the outbox is empty). Callbacks refused along the way are sent again at the end, as the
     * platform would, and every order of the run must end up paid.
     */
    private Map<String, Object> paymentCallbacks(LoadOptions options) throws Exception {
        int rate = options.integer("rate", 100);
        int seconds = options.integer("seconds", 30);
        int warmup = options.integer("warmup", 60);
        if (rate < 1 || seconds < 1 || warmup < 1) {
            throw new IllegalArgumentException("--rate, --seconds and --warmup must be at least 1");
        }
        PaymentPlatform platform = PaymentPlatform.of(settings);
        StackControl launcher = new StackControl(settings.dataDir());
        List<CallbackPhase> phases = new ArrayList<>();
        // Every fixture first, so seeding never overlaps a measurement; a second's worth spare per phase.
        try (Fixtures fixtures = new Fixtures(settings)) {
            phases.add(new CallbackPhase("warm-up", fixtures.unpaidOrders((1 + rate) * warmup / 2 + rate, CALLBACK_AMOUNT),
                    1, rate, warmup, platform));
            for (String name : List.of("broker up", "broker down")) {
                phases.add(new CallbackPhase(name, fixtures.unpaidOrders(rate * seconds + rate, CALLBACK_AMOUNT),
                        rate, rate, seconds, platform));
            }
        }
        CallbackPhase warm = phases.get(0);
        CallbackPhase up = phases.get(1);
        CallbackPhase down = phases.get(2);
        System.out.printf("payment callbacks: %d/s, %d s per phase, warm-up ramping to it over %d s%n", rate, seconds, warmup);

        // The warm-up's events drain before the measured phase, so it starts with idle consumers.
        sendCallbacks(warm);
        PaidWatcher.watch(settings, warm, Duration.ofSeconds(120));

        CompletableFuture<Boolean> watchingUp = CompletableFuture.supplyAsync(() ->
                PaidWatcher.watch(settings, up, Duration.ofSeconds(seconds + 120L)));
        Path upReport = sendCallbacks(up);
        boolean upAllPaid = watchingUp.join();

        System.out.println(launcher.request(StackControl.Action.STOP, Components.ROCKETMQ, Duration.ofMinutes(5)));
        Path downReport = sendCallbacks(down);
        long outboxWhileDown = outboxRows();

        // Watching from before the restart, so the first orders paid are seen as they are paid.
        long restart = System.nanoTime();
        CompletableFuture<Boolean> draining = CompletableFuture.supplyAsync(() ->
                PaidWatcher.watch(settings, down, Duration.ofSeconds(300)));
        System.out.println(launcher.request(StackControl.Action.START, Components.ROCKETMQ, Duration.ofMinutes(5)));
        double brokerStartSeconds = (System.nanoTime() - restart) / 1e9;
        boolean downAllPaid = draining.join();
        long outboxAfterDrain = outboxRowsOnceSettled();

        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("scenario", "payment callbacks, broker up and down");
        summary.put("ratePerSecond", rate);
        summary.put("secondsPerPhase", seconds);
        summary.put("warmupSeconds", warmup);
        Map<String, Object> brokerUp = callbackPhaseSummary(up, upReport);
        brokerUp.put("ackToPaidMs", ackToPaid(up));
        brokerUp.put("everyAcceptedOrderPaid", upAllPaid);
        summary.put("brokerUp", brokerUp);
        Map<String, Object> brokerDown = callbackPhaseSummary(down, downReport);
        brokerDown.put("outboxRowsAtEndOfPhase", outboxWhileDown);
        brokerDown.put("brokerStartSeconds", round1(brokerStartSeconds));
        brokerDown.put("everyAcceptedOrderPaid", downAllPaid);
        brokerDown.put("lastPaidAfterRestartSeconds", round1(lastPaidAfter(down, restart)));
        brokerDown.put("outboxRowsAfterDrain", outboxAfterDrain);
        summary.put("brokerDown", brokerDown);
        summary.put("afterwards", settleRefused(platform, phases));
        return summary;
    }

    private Path sendCallbacks(CallbackPhase phase) throws IOException {
        LoadPlan.next(phase);
        Path report = GatlingRun.run(PaymentCallbackSimulation.class, results.resolve("gatling"),
                "payment callbacks, " + phase.name() + ", " + phase.rate() + "/s");
        phase.allSent();
        Outcomes.Times times = phase.outcomes().times(phase.name());
        System.out.printf("%s: %d callbacks, answers %s, ack p50 %d ms, p99 %d ms%n", phase.name(), phase.dispatched(),
                phase.outcomes().snapshot().get(phase.name()), times.p50Ms(), times.p99Ms());
        return report;
    }

    private static Map<String, Object> callbackPhaseSummary(CallbackPhase phase, Path report) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("report", report.resolve("index.html").toString());
        result.put("callbacks", phase.dispatched());
        result.put("answers", phase.outcomes().snapshot().getOrDefault(phase.name(), Map.of()));
        result.put("ackMs", phase.outcomes().times(phase.name()));
        return result;
    }

    /** From the callback's acknowledgement (the platform has it) to its order seen paid, for the accepted ones seen. */
    private static Outcomes.Times ackToPaid(CallbackPhase phase) {
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < phase.dispatched(); i++) {
            if (phase.wasAccepted(i) && phase.seenPaidAt(i) != 0) {
                millis.add(Math.max(0, (phase.seenPaidAt(i) - phase.answeredAt(i)) / 1_000_000));
            }
        }
        return Outcomes.Times.of(millis);
    }

    private static double lastPaidAfter(CallbackPhase phase, long since) {
        long last = since;
        for (int i = 0; i < phase.dispatched(); i++) {
            last = Math.max(last, phase.seenPaidAt(i));
        }
        return (last - since) / 1e9;
    }

    /**
     * Every callback refused (503) or unanswered, and every spare payment never sent, is sent again one by one,
     * each until accepted, as the platform retries; then every order of the run must turn paid, and the outbox
     * empty. Nothing refused under load may be lost, and no order is left unpaid to skew a later run.
     */
    private Map<String, Object> settleRefused(PaymentPlatform platform, List<CallbackPhase> phases) throws Exception {
        int refused = 0;
        int spare = 0;
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        for (CallbackPhase phase : phases) {
            LoadPlan.UnpaidOrders orders = phase.orders();
            for (int i = 0; i < orders.count(); i++) {
                boolean sent = i < phase.dispatched();
                if (sent && phase.wasAccepted(i)) {
                    continue;
                }
                refused += sent ? 1 : 0;
                spare += sent ? 0 : 1;
                while (platform.postCallback(platform.successCallback(String.valueOf(orders.pay(i)),
                        String.valueOf(orders.order(i)), Money.format(orders.amount()))).status() != 200) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("pay-app kept refusing callbacks for 10 minutes");
                    }
                    Thread.sleep(100);
                }
            }
        }
        long unpaid = unpaidOrders(phases);
        while (unpaid > 0 && System.nanoTime() < deadline) {
            Thread.sleep(500);
            unpaid = unpaidOrders(phases);
        }
        long seeded = phases.stream().mapToLong(phase -> phase.orders().count()).sum();
        Map<String, Object> settled = new LinkedHashMap<>();
        settled.put("refusedOrUnansweredSentAgain", refused);
        settled.put("sparePaymentsPaidToo", spare);
        settled.put("ordersOfTheRun", seeded);
        settled.put("ordersLeftUnpaid", unpaid);
        settled.put("outboxRowsLeft", outboxRowsOnceSettled());
        System.out.printf("sent again until accepted: %d refused or unanswered callbacks (and %d spare payments); "
                + "orders of the run left unpaid: %d of %d%n", refused, spare, unpaid, seeded);
        if (unpaid > 0) {
            throw new IllegalStateException(unpaid + " orders of the run are still unpaid 10 minutes after their callbacks "
                    + "were accepted: " + settled);
        }
        return settled;
    }

    private long unpaidOrders(List<CallbackPhase> phases) throws SQLException {
        long unpaid = 0;
        try (Connection db = connect("shop_order")) {
            for (CallbackPhase phase : phases) {
                LoadPlan.UnpaidOrders orders = phase.orders();
                try (PreparedStatement query = db.prepareStatement("SELECT COUNT(*) FROM trade_order "
                        + "WHERE order_id BETWEEN ? AND ? AND pay_status <> " + PayStatus.PAID.code())) {
                    query.setLong(1, orders.order(0));
                    query.setLong(2, orders.order(orders.count() - 1));
                    try (ResultSet row = query.executeQuery()) {
                        row.next();
                        unpaid += row.getLong(1);
                    }
                }
            }
        }
        return unpaid;
    }

    private long outboxRows() throws SQLException {
        try (Connection db = connect("shop_pay");
             ResultSet row = db.createStatement().executeQuery("SELECT COUNT(*) FROM trade_mq_producer_temp")) {
            row.next();
            return row.getLong(1);
        }
    }

    /** The relay deletes a row in a transaction of its own after the send, so a consumer can be quicker: a moment's grace. */
    private long outboxRowsOnceSettled() throws SQLException, InterruptedException {
        long rows = outboxRows();
        for (int wait = 0; rows > 0 && wait < 100; wait++) {
            Thread.sleep(100);
            rows = outboxRows();
        }
        return rows;
    }

    private Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(settings.jdbcUrl(database), settings.dbUser(), settings.dbPassword());
    }

    /** The stack left alone: what each process costs while nothing happens, in percent of one core. */
    private Map<String, Object> idle(LoadOptions options) throws Exception {
        int seconds = options.integer("seconds", 60);
        StackCpu cpu = new StackCpu(new PidFile(settings.dataDir()));
        Map<String, Double> before = cpu.secondsSoFar();
        Map<String, Map<String, Double>> threadsBefore = cpu.threadSecondsSoFar();
        System.out.printf("measuring the idle stack for %d s...%n", seconds);
        Thread.sleep(seconds * 1000L);
        Map<String, Double> used = StackCpu.difference(before, cpu.secondsSoFar());
        Map<String, Map<String, Double>> threadsAfter = cpu.threadSecondsSoFar();
        used.remove("load-generator");

        Map<String, Object> processes = new LinkedHashMap<>();
        used.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).forEach(process -> {
            Map<String, Double> threads = StackCpu.difference(threadsBefore.getOrDefault(process.getKey(), Map.of()),
                    threadsAfter.getOrDefault(process.getKey(), Map.of()));
            Map<String, Double> busiest = new LinkedHashMap<>();
            threads.entrySet().stream().filter(thread -> thread.getValue() > 0)
                    .sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(5)
                    .forEach(thread -> busiest.put(thread.getKey(), round1(100 * thread.getValue() / seconds)));
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("percentOfOneCore", round1(100 * process.getValue() / seconds));
            entry.put("busiestThreadsPercent", busiest);
            processes.put(process.getKey(), entry);
        });
        double total = used.values().stream().mapToDouble(Double::doubleValue).sum();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("scenario", "idle stack");
        summary.put("seconds", seconds);
        summary.put("percentOfOneCore", round1(100 * total / seconds));
        summary.put("processes", processes);
        Files.createDirectories(results);
        return summary;
    }

    private static String mode(boolean on) {
        return on ? "AT on" : "AT off";
    }

    private static double round1(double value) {
        return Math.round(value * 10) / 10.0;
    }

    private static void closeQuietly(GlobalTransactionSwitch globalTransactions) {
        try {
            globalTransactions.close();
        } catch (Exception e) {
            System.err.println("could not turn global transactions back on: " + e.getMessage()
                    + "; restart ./shop.sh to republish the configuration");
        }
    }
}
