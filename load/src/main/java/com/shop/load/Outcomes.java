package com.shop.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * How the checkouts of a run were answered, counted by kind and answer ("hot buyer" → "409
 * GOODS_NUM_NOT_ENOUGH"), and each kind's answer times: Gatling's HTML report has times and
 * OK/KO but not the shop's error codes, and keeps its figures in no file meant to be read.
 */
final class Outcomes {

    /** Answer times of one kind of checkout, every answer counted (a 409 or 503 is an answer too). */
    record Times(long answers, long p50Ms, long p99Ms, long maxMs) {

        static Times of(List<Long> millis) {
            List<Long> sorted = millis.stream().sorted().toList();
            return sorted.isEmpty() ? new Times(0, 0, 0, 0)
                    : new Times(sorted.size(), percentile(sorted, 50), percentile(sorted, 99), sorted.get(sorted.size() - 1));
        }

        /** Nearest-rank percentile, as Gatling computes its own. */
        static long percentile(List<Long> sorted, int p) {
            int rank = (int) Math.ceil(p / 100.0 * sorted.size());
            return sorted.get(Math.max(0, rank - 1));
        }
    }

    private final Map<String, Map<String, LongAdder>> counts = new ConcurrentHashMap<>();
    private final Map<String, Queue<Long>> times = new ConcurrentHashMap<>();

    void count(String kind, String answer) {
        counts.computeIfAbsent(kind, k -> new ConcurrentHashMap<>()).computeIfAbsent(answer, a -> new LongAdder()).increment();
    }

    void answered(String kind, Integer status, String code, long millis) {
        count(kind, answer(status, code));
        times.computeIfAbsent(kind, k -> new ConcurrentLinkedQueue<>()).add(millis);
    }

    Times times(String kind) {
        return Times.of(new ArrayList<>(times.getOrDefault(kind, new ConcurrentLinkedQueue<>())));
    }

    /** The answer as counted: the status, and the error code when the body names one. */
    static String answer(Integer status, String code) {
        if (status == null) {
            return "no answer";
        }
        return code == null ? Integer.toString(status) : status + " " + code;
    }

    Map<String, Map<String, Long>> snapshot() {
        Map<String, Map<String, Long>> copy = new TreeMap<>();
        counts.forEach((kind, answers) -> {
            Map<String, Long> sorted = new TreeMap<>();
            answers.forEach((answer, count) -> sorted.put(answer, count.sum()));
            copy.put(kind, sorted);
        });
        return copy;
    }

    long counted(String kind, String answer) {
        return snapshot().getOrDefault(kind, Map.of()).getOrDefault(answer, 0L);
    }
}
