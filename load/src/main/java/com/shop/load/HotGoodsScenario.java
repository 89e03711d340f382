package com.shop.load;

import com.shop.stack.StackSettings;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** {@code ./load.sh hot}: buyers rushing hot goods, all at once, with ordinary checkouts among them. */
final class HotGoodsScenario implements Scenario {

    private static final String HOT_BUYER = "hot buyer";
    private static final String ORDINARY = "ordinary checkout";

    private final StackSettings settings;
    private final Path results;

    HotGoodsScenario(LoadContext context) {
        this.settings = context.settings();
        this.results = context.results();
    }

    /** Buyers (one unit each) spread evenly over the hot goods, ordinary checkouts of goods of their own, shuffled, released at once. */
    @Override
    public Map<String, Object> run(LoadOptions options) throws Exception {
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
}
