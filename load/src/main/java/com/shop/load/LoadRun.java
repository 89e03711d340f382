package com.shop.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.shop.stack.Http;
import com.shop.stack.NacosOpenApi;
import com.shop.stack.PidFile;
import com.shop.stack.StackSettings;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
 *   ./load.sh idle [--seconds 60]
 *       no traffic: the CPU each process of the stack uses, and its busiest threads
 * </pre>
 */
public final class LoadRun {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final String HOT_BUYER = "hot buyer";
    private static final String ORDINARY = "ordinary checkout";

    private final StackSettings settings;
    private final Path results;

    private LoadRun(StackSettings settings, Path results) {
        this.settings = settings;
        this.results = results;
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || !List.of("checkout", "hot", "idle").contains(args[0])) {
            System.err.println("usage: ./load.sh checkout|hot|idle [--name value ...] (see docs/benchmarks.md)");
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

        List<LoadPlan.Buyer> buyers = new ArrayList<>();
        LoadPlan.Buyer modeProbe;
        try (Fixtures fixtures = new Fixtures(settings)) {
            for (int i = 0; i < concurrency; i++) {
                buyers.add(new LoadPlan.Buyer(fixtures.user(new BigDecimal("10000000")),
                        fixtures.goods(10_000_000, CheckoutSimulation.PRICE)));
            }
            modeProbe = new LoadPlan.Buyer(fixtures.user(new BigDecimal("10000000")), fixtures.goods(10_000_000, CheckoutSimulation.PRICE));
        }
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
