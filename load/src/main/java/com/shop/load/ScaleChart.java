package com.shop.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The scale run as one image: per round, throughput and answer times at each size of trade_order. */
final class ScaleChart {

    private static final List<String> SHADES = List.of("#9bbb59", "#4f81bd", "#c0504d", "#8064a2", "#f79646");

    private ScaleChart() {
    }

    static String svg(String heading, List<Long> sizes, List<Map<String, Object>> measured) {
        List<SvgBars.Group> throughput = new ArrayList<>();
        List<SvgBars.Group> times = new ArrayList<>();
        for (Object round : measured.stream().map(m -> m.get("round")).distinct().toList()) {
            List<SvgBars.Bar> perSecond = new ArrayList<>();
            List<SvgBars.Bar> millis = new ArrayList<>();
            for (int i = 0; i < sizes.size(); i++) {
                Map<String, Object> result = find(measured, round, sizes.get(i));
                String rows = String.format("%,d rows", ((Number) result.get("tableRows")).longValue());
                String shade = SHADES.get(i % SHADES.size());
                perSecond.add(new SvgBars.Bar(rows, number(result, "throughputPerSecond"), shade));
                millis.add(new SvgBars.Bar(rows + " p50", number(result, "p50Ms"), shade));
                millis.add(new SvgBars.Bar(rows + " p99", number(result, "p99Ms"), shade));
            }
            throughput.add(new SvgBars.Group("round " + round, perSecond));
            times.add(new SvgBars.Group("round " + round, millis));
        }
        return SvgBars.render(heading, List.of(
                new SvgBars.Chart("Throughput", "checkouts per second, AT on", throughput),
                new SvgBars.Chart("Answer time", "ms", times)));
    }

    private static Map<String, Object> find(List<Map<String, Object>> measured, Object round, long size) {
        return measured.stream().filter(m -> m.get("round").equals(round) && m.get("sizeAskedFor").equals(size))
                .findFirst().orElseThrow();
    }

    private static double number(Map<String, Object> result, String figure) {
        return ((Number) result.get(figure)).doubleValue();
    }
}
