package com.shop.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.shop.stack.StackSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Map;

/**
 * The load driver: against the stack {@code ./shop.sh} runs, seeds its own goods and users, runs
 * the Gatling simulations of a scenario, and writes an HTML report per simulation run and one JSON
 * summary per scenario run. It starts nothing itself (the callback scenario asks the launcher to stop
 * and start the broker). Each scenario is a class of its own ({@link Scenario}).
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

    /** Each scenario by its name on the command line. */
    private static final Map<String, ScenarioFactory> SCENARIOS = Map.of(
            "checkout", CheckoutAbScenario::new,
            "hot", HotGoodsScenario::new,
            "callback", PaymentCallbackScenario::new,
            "scale", ScaleScenario::new,
            "idle", IdleScenario::new);

    @FunctionalInterface
    private interface ScenarioFactory {
        Scenario create(LoadContext context) throws Exception;
    }

    private LoadRun() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || !SCENARIOS.containsKey(args[0])) {
            System.err.println("usage: ./load.sh checkout|hot|callback|scale|idle [--name value ...] (see docs/benchmarks.md)");
            System.exit(2);
        }
        Path root = StackSettings.findRoot(Path.of(""));
        StackSettings settings = StackSettings.fromEnvironment(root, root.resolve(".stack-data"), true);
        String run = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + "-" + args[0];
        Path results = root.resolve("load/target/load-results").resolve(run);
        LoadOptions options = new LoadOptions(Arrays.copyOfRange(args, 1, args.length));
        Map<String, Object> summary = SCENARIOS.get(args[0]).create(new LoadContext(settings, results)).run(options);
        Files.createDirectories(results);
        Path file = results.resolve("summary.json");
        JSON.writeValue(file.toFile(), summary);
        Files.copy(file, root.resolve("load/target/load-summary.json"), StandardCopyOption.REPLACE_EXISTING);
        System.out.println(JSON.writeValueAsString(summary));
        System.out.println("summary: " + file + "\nreports: " + results.resolve("gatling"));
        System.exit(0);
    }
}
