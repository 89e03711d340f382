package com.shop.load;

import static com.shop.load.SvgBars.AT_OFF;
import static com.shop.load.SvgBars.AT_ON;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The checkout A/B run as one image: throughput and answer times per round, CPU per checkout per process. */
final class CheckoutChart {

    private static final String AT_ON_LIGHT = "#e6b9b8";
    private static final String AT_OFF_LIGHT = "#b9cde5";

    private CheckoutChart() {
    }

    @SuppressWarnings("unchecked")
    static String svg(String heading, List<Map<String, Object>> measured, Map<String, Object> comparison) {
        List<SvgBars.Group> throughput = new ArrayList<>();
        List<SvgBars.Group> times = new ArrayList<>();
        for (Object round : measured.stream().map(m -> m.get("round")).distinct().toList()) {
            Map<String, Object> on = find(measured, round, "AT on");
            Map<String, Object> off = find(measured, round, "AT off");
            throughput.add(new SvgBars.Group("round " + round, List.of(
                    new SvgBars.Bar("AT on", number(on, "throughputPerSecond"), AT_ON),
                    new SvgBars.Bar("AT off", number(off, "throughputPerSecond"), AT_OFF))));
            times.add(new SvgBars.Group("round " + round, List.of(
                    new SvgBars.Bar("AT on p50", number(on, "p50Ms"), AT_ON_LIGHT),
                    new SvgBars.Bar("AT on p99", number(on, "p99Ms"), AT_ON),
                    new SvgBars.Bar("AT off p50", number(off, "p50Ms"), AT_OFF_LIGHT),
                    new SvgBars.Bar("AT off p99", number(off, "p99Ms"), AT_OFF))));
        }
        Map<String, Map<String, Double>> cpu = (Map<String, Map<String, Double>>) comparison.get("cpuMsPerCheckout");
        List<SvgBars.Group> perProcess = new ArrayList<>();
        for (String process : cpu.get("AT on").keySet()) {
            perProcess.add(new SvgBars.Group(process, List.of(
                    new SvgBars.Bar("AT on", cpu.get("AT on").getOrDefault(process, 0.0), AT_ON),
                    new SvgBars.Bar("AT off", cpu.get("AT off").getOrDefault(process, 0.0), AT_OFF))));
        }
        return SvgBars.render(heading, List.of(
                new SvgBars.Chart("Throughput", "checkouts per second", throughput),
                new SvgBars.Chart("Answer time", "ms", times),
                new SvgBars.Chart("CPU per checkout", "ms, all rounds of a mode", perProcess)));
    }

    private static Map<String, Object> find(List<Map<String, Object>> measured, Object round, String mode) {
        return measured.stream().filter(m -> m.get("round").equals(round) && mode.equals(m.get("mode")))
                .findFirst().orElseThrow();
    }

    private static double number(Map<String, Object> result, String figure) {
        return ((Number) result.get(figure)).doubleValue();
    }
}
