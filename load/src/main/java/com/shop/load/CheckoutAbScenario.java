package com.shop.load;

import com.shop.stack.GlobalTransactionSwitch;
import com.shop.stack.NacosOpenApi;
import com.shop.stack.StackSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code ./load.sh checkout}: checkouts on distinct goods, AT on vs. off, interleaved. */
final class CheckoutAbScenario implements Scenario {

    private final StackSettings settings;
    private final Path results;
    private final CheckoutRounds checkoutRounds;

    CheckoutAbScenario(LoadContext context) throws IOException {
        this.settings = context.settings();
        this.results = context.results();
        this.checkoutRounds = new CheckoutRounds(context);
    }

    /** Rounds of AT on and AT off back to back, the order alternating, so the machine's drift cancels out. */
    @Override
    public Map<String, Object> run(LoadOptions options) throws Exception {
        int concurrency = options.integer("concurrency", 8);
        int seconds = options.integer("seconds", 40);
        int rounds = options.integer("rounds", 3);
        int warmup = options.integer("warmup", 120);

        // One seeding (one id range) for the clients and the probe that checks which mode a round runs in.
        List<LoadPlan.Buyer> buyers = new ArrayList<>(checkoutRounds.buyers(concurrency + 1));
        LoadPlan.Buyer modeProbe = buyers.remove(concurrency);
        List<Map<String, Object>> measured = new ArrayList<>();
        try (GlobalTransactionSwitch globalTransactions = new GlobalTransactionSwitch(NacosOpenApi.of(settings))) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(globalTransactions)));
            for (boolean on : new boolean[] {true, false}) {
                CheckoutRounds.switchTo(globalTransactions, on, modeProbe);
                checkoutRounds.run(buyers, warmup, on, "warm-up, " + CheckoutRounds.mode(on));
            }
            for (int round = 1; round <= rounds; round++) {
                boolean onFirst = round % 2 == 1;
                for (boolean on : new boolean[] {onFirst, !onFirst}) {
                    long switchMillis = CheckoutRounds.switchTo(globalTransactions, on, modeProbe);
                    Map<String, Object> result = checkoutRounds.run(buyers, seconds, on, "round " + round + ", " + CheckoutRounds.mode(on));
                    result.put("round", round);
                    // From publishing the mode to the first checkout answered in it (a probe every 500 ms).
                    result.put("modeSwitchMs", switchMillis);
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

    private static void closeQuietly(GlobalTransactionSwitch globalTransactions) {
        try {
            globalTransactions.close();
        } catch (Exception e) {
            System.err.println("could not turn global transactions back on: " + e.getMessage()
                    + "; restart ./shop.sh to republish the configuration");
        }
    }
}
