package com.shop.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The load driver's own arithmetic and parsing, without a stack. */
class LoadFiguresTest {

    @Test
    void cpuTicksAreUserPlusSystemEvenWhenTheCommandHasSpacesAndParentheses() {
        String stat = "3405 (java (order) app) S 2679 3405 2679 0 -1 4194560 100 0 0 0 1234 567 0 0 20 0 80 0 5000";
        assertThat(StackCpu.userPlusSystemTicks(stat)).isEqualTo(1234 + 567);
    }

    @Test
    void percentilesAreNearestRank() {
        List<Long> millis = new ArrayList<>();
        for (long i = 100; i >= 1; i--) {
            millis.add(i);
        }
        Outcomes.Times times = Outcomes.Times.of(millis);
        assertThat(times).isEqualTo(new Outcomes.Times(100, 50, 99, 100));
        assertThat(Outcomes.Times.of(List.of(7L))).isEqualTo(new Outcomes.Times(1, 7, 7, 7));
        assertThat(Outcomes.Times.of(List.of())).isEqualTo(new Outcomes.Times(0, 0, 0, 0));
    }

    @Test
    void answersAreCountedByKindStatusAndCode() {
        Outcomes outcomes = new Outcomes();
        outcomes.answered("hot buyer", 409, "GOODS_NUM_NOT_ENOUGH", 10);
        outcomes.answered("hot buyer", 409, "GOODS_NUM_NOT_ENOUGH", 30);
        outcomes.answered("hot buyer", 201, null, 20);
        outcomes.answered("hot buyer", null, null, 60_000);
        assertThat(outcomes.snapshot()).isEqualTo(Map.of("hot buyer",
                Map.of("201", 1L, "409 GOODS_NUM_NOT_ENOUGH", 2L, "no answer", 1L)));
        assertThat(outcomes.times("hot buyer").maxMs()).isEqualTo(60_000);
    }

    @Test
    void theComparisonIsTheMedianOfPerRoundRatiosAndCpuIsWeightedByCheckouts() {
        List<Map<String, Object>> measured = List.of(
                round(1, "AT on", 40, 100, 300, 400, 20.0), round(1, "AT off", 50, 80, 200, 500, 10.0),
                round(2, "AT off", 100, 40, 100, 1000, 10.0), round(2, "AT on", 50, 60, 150, 500, 30.0),
                round(3, "AT on", 30, 100, 200, 300, 20.0), round(3, "AT off", 60, 50, 100, 600, 10.0));
        Map<String, Object> comparison = AbComparison.of(measured);
        assertThat(comparison.get("throughputRatioPerRound")).isEqualTo(List.of(0.8, 0.5, 0.5));
        assertThat(comparison.get("throughputOnOverOff")).isEqualTo(0.5);
        assertThat(comparison.get("p50OnOverOff")).isEqualTo(1.5);
        assertThat(comparison.get("p99OnOverOff")).isEqualTo(1.5);
        // AT on: (400 x 20 + 500 x 30 + 300 x 20) / 1200 = 24.2 ms
        assertThat(AbComparison.cpuPerCheckout(measured, "AT on")).containsEntry("order-app", 24.2).containsEntry("stack in all", 24.2);
    }

    @Test
    void theChartDrawsEveryRoundOfBothModesWithBarsInProportionToTheirValues() {
        List<Map<String, Object>> measured = List.of(
                round(1, "AT on", 40, 100, 300, 400, 20.0), round(1, "AT off", 80, 50, 150, 800, 10.0));
        String svg = CheckoutChart.svg("A <b> & c", measured, AbComparison.of(measured));
        assertThat(svg).startsWith("<svg").contains("A &lt;b&gt; &amp; c", "round 1", "40 AT on", "80 AT off",
                "300 AT on p99", "150 AT off p99", "order-app");
        // Throughput is the first chart: 80/s gets the full length, 40/s half of it.
        List<Integer> widths = new ArrayList<>();
        Matcher bar = Pattern.compile("<rect x=\"\\d+\" y=\"\\d+\" width=\"(\\d+)\"").matcher(svg);
        while (bar.find()) {
            widths.add(Integer.parseInt(bar.group(1)));
        }
        assertThat(widths.get(0) * 2).isCloseTo(widths.get(1), offset(1));
    }

    @Test
    void optionsAreNameValuePairs() {
        LoadOptions options = new LoadOptions(new String[] {"--buyers", "1000"});
        assertThat(options.integer("buyers", 200)).isEqualTo(1000);
        assertThat(options.integer("stock", 50)).isEqualTo(50);
        assertThatThrownBy(() -> new LoadOptions(new String[] {"--buyers"})).isInstanceOf(IllegalArgumentException.class);
    }

    private static Map<String, Object> round(int round, String mode, double throughput, long p50, long p99, long checkouts,
            double orderAppCpuMs) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("round", round);
        result.put("mode", mode);
        result.put("throughputPerSecond", throughput);
        result.put("p50Ms", p50);
        result.put("p99Ms", p99);
        result.put("checkouts", checkouts);
        result.put("cpuMsPerCheckout", Map.of("order-app", orderAppCpuMs));
        return result;
    }

    @Test
    void anUnpaidOrdersIdsAreFoundBackFromItsOrderIdAndNoOtherIdIsMistakenForOne() {
        LoadPlan.UnpaidOrders orders = new LoadPlan.UnpaidOrders(8_000_000_000_000_000_000L, 10, java.math.BigDecimal.TEN);
        assertThat(orders.order(7)).isEqualTo(8_000_000_000_000_000_022L);
        assertThat(orders.indexOfOrder(orders.order(7))).isEqualTo(7);
        assertThat(orders.indexOfOrder(orders.pay(7))).as("a payment id").isEqualTo(-1);
        assertThat(orders.indexOfOrder(orders.user(3))).as("a user id").isEqualTo(-1);
        assertThat(orders.indexOfOrder(orders.order(9) + 3)).as("past the last").isEqualTo(-1);
        assertThat(orders.indexOfOrder(orders.firstId() - 2)).as("before the first").isEqualTo(-1);
    }

    @Test
    void theScaleSummaryTakesEachSizesMedianAndComparesItWithTheSmallest() {
        List<Map<String, Object>> measured = List.of(
                round(0, 1_000, 100.0, 50, 120), round(1_000_000, 1_000_000, 90.0, 55, 130),
                round(1_000_000, 1_000_020, 80.0, 60, 150), round(0, 1_040, 120.0, 45, 110),
                round(0, 1_080, 110.0, 48, 100), round(1_000_000, 1_000_050, 85.0, 58, 140));
        Map<String, Object> bySize = ScaleScenario.medianBySize(List.of(0L, 1_000_000L), measured);
        assertThat(bySize).containsOnlyKeys("0", "1000000");
        @SuppressWarnings("unchecked")
        Map<String, Object> large = (Map<String, Object>) bySize.get("1000000");
        assertThat(large).containsEntry("throughputPerSecond", 85.0).containsEntry("p50Ms", 58.0)
                .containsEntry("p99Ms", 140.0).containsEntry("throughputVsSmallest", 0.77);
        assertThat(large.get("tableRows")).isEqualTo(List.of(1_000_000L, 1_000_020L, 1_000_050L));
    }

    private static Map<String, Object> round(long size, long rows, double throughput, long p50, long p99) {
        Map<String, Object> round = new LinkedHashMap<>();
        round.put("sizeAskedFor", size);
        round.put("tableRows", rows);
        round.put("throughputPerSecond", throughput);
        round.put("p50Ms", p50);
        round.put("p99Ms", p99);
        return round;
    }
}
