package com.shop.benchmark;

import java.util.List;

/** What the load tools share: their command-line options, percentiles, and fixture ids. */
final class LoadTools {

    private LoadTools() {
    }

    static int option(String[] args, String name, int fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }

    /** The p-th percentile of sorted nanosecond latencies, in milliseconds. */
    static double percentileMillis(List<Long> sortedNanos, int p) {
        int index = (int) Math.ceil(p / 100.0 * sortedNanos.size()) - 1;
        return sortedNanos.get(Math.max(0, index)) / 1e6;
    }

    /**
     * The first fixture id of a run: 19 digits like production snowflake ids, above the demo data's
     * and below the tests', new on every run (room for 10,000 ids per run).
     */
    static long fixtureIdBase() {
        return 8_000_000_000_000_000_000L + (System.currentTimeMillis() % 100_000_000_000L) * 10_000;
    }
}
