package com.shop.load;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * AT on against AT off over interleaved rounds: per round, on ÷ off of throughput, p50 and p99;
 * then the median of those ratios (drift of a shared machine hits both halves of a round alike,
 * and one disturbed round does not move a median of three), and CPU per checkout per process
 * over all rounds of a mode.
 */
final class AbComparison {

    private AbComparison() {
    }

    static Map<String, Object> of(List<Map<String, Object>> measured) {
        List<Double> throughput = new ArrayList<>();
        List<Double> p50 = new ArrayList<>();
        List<Double> p99 = new ArrayList<>();
        for (Map<String, Object> on : measured) {
            if (!"AT on".equals(on.get("mode"))) {
                continue;
            }
            Map<String, Object> off = measured.stream()
                    .filter(m -> "AT off".equals(m.get("mode")) && m.get("round").equals(on.get("round")))
                    .findFirst().orElseThrow();
            throughput.add(ratio(on, off, "throughputPerSecond"));
            p50.add(ratio(on, off, "p50Ms"));
            p99.add(ratio(on, off, "p99Ms"));
        }
        Map<String, Object> comparison = new LinkedHashMap<>();
        comparison.put("throughputOnOverOff", median(throughput));
        comparison.put("p50OnOverOff", median(p50));
        comparison.put("p99OnOverOff", median(p99));
        comparison.put("throughputRatioPerRound", throughput);
        comparison.put("cpuMsPerCheckout", Map.of("AT on", cpuPerCheckout(measured, "AT on"),
                "AT off", cpuPerCheckout(measured, "AT off")));
        return comparison;
    }

    /** CPU milliseconds per checkout per process, over every round of the mode. */
    @SuppressWarnings("unchecked")
    static Map<String, Double> cpuPerCheckout(List<Map<String, Object>> measured, String mode) {
        Map<String, Double> cpuMs = new LinkedHashMap<>();
        long checkouts = 0;
        for (Map<String, Object> round : measured) {
            if (mode.equals(round.get("mode"))) {
                long count = ((Number) round.get("checkouts")).longValue();
                checkouts += count;
                ((Map<String, Double>) round.get("cpuMsPerCheckout"))
                        .forEach((process, ms) -> cpuMs.merge(process, ms * count, Double::sum));
            }
        }
        long all = Math.max(1, checkouts);
        Map<String, Double> perCheckout = new LinkedHashMap<>();
        double sum = 0;
        for (Map.Entry<String, Double> process : cpuMs.entrySet()) {
            double ms = process.getValue() / all;
            perCheckout.put(process.getKey(), Numbers.round1(ms));
            if (!process.getKey().equals("load-generator")) {
                sum += ms;
            }
        }
        perCheckout.put("stack in all", Numbers.round1(sum));
        return perCheckout;
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n == 0 ? Double.NaN : n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static double ratio(Map<String, Object> on, Map<String, Object> off, String figure) {
        double divisor = ((Number) off.get(figure)).doubleValue();
        return divisor == 0 ? Double.NaN : Math.round(((Number) on.get(figure)).doubleValue() / divisor * 100) / 100.0;
    }
}
