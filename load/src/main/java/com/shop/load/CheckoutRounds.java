package com.shop.load;

import com.shop.stack.GlobalTransactionSwitch;
import com.shop.stack.Http;
import com.shop.stack.PidFile;
import com.shop.stack.StackSettings;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rounds of the closed-loop checkout ({@link CheckoutSimulation}) and what the checkout and scale
 * scenarios share around them: their buyers, the switch between AT on and off, the figures of a round.
 */
final class CheckoutRounds {

    private final StackSettings settings;
    private final Path results;
    private final StackCpu cpu;

    CheckoutRounds(LoadContext context) throws IOException {
        this.settings = context.settings();
        this.results = context.results();
        this.cpu = new StackCpu(new PidFile(settings.dataDir()));
    }

    /** Buyers of the closed-loop checkout, each with a goods of its own and stock and money for any run. */
    List<LoadPlan.Buyer> buyers(int count) throws SQLException {
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
     * One round of closed-loop checkouts in one mode: its figures, Gatling's report and CPU per checkout per
     * process. Stops the run if any answer was not a 201 of that mode.
     */
    Map<String, Object> run(List<LoadPlan.Buyer> buyers, int seconds, boolean on, String description) throws Exception {
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
        result.put("throughputPerSecond", Numbers.round1(ok / (double) seconds));
        result.put("p50Ms", stats.p50Ms());
        result.put("p99Ms", stats.p99Ms());
        result.put("maxMs", stats.maxMs());
        result.put("answers", outcomes.snapshot().getOrDefault(mode(on), Map.of()));
        Map<String, Double> perCheckout = new LinkedHashMap<>();
        used.forEach((process, cpuSeconds) -> perCheckout.put(process, Numbers.round1(cpuSeconds * 1000 / Math.max(1, ok))));
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

    /** Turns global transactions on or off and waits until a probe checkout answers in that mode: how long that took (ms). */
    static long switchTo(GlobalTransactionSwitch globalTransactions, boolean on, LoadPlan.Buyer probe) throws Exception {
        long published = System.nanoTime();
        globalTransactions.turn(on);
        long deadline = published + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            Http.Response answer = Http.postJson(CheckoutRequests.ORDER_APP + CheckoutRequests.PATH, CheckoutRequests.body(
                    probe.user(), probe.goods(), CheckoutSimulation.QUANTITY, CheckoutSimulation.PRICE,
                    CheckoutSimulation.BALANCE_PAID));
            if (answer.status() != 201) {
                throw new IllegalStateException("a mode probe checkout failed: HTTP " + answer.status() + " " + answer.body());
            }
            if (answer.body().contains("\"xid\":\"") == on) {
                return Duration.ofNanos(System.nanoTime() - published).toMillis();
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the services did not turn global transactions " + (on ? "on" : "off") + " within 60 s");
    }

    static String mode(boolean on) {
        return on ? "AT on" : "AT off";
    }
}
