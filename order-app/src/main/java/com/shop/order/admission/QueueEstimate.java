package com.shop.order.admission;

/**
 * Whether a queued checkout can still be served before its deadline, from how long turns take lately.
 * A checkout that cannot is better answered {@code 503} now than at its deadline: the buyer learns
 * it at once, and the process stops carrying a request it will refuse anyway.
 */
final class QueueEstimate {

    /**
     * How much faster than lately the queue must become for a refused checkout to have made it. The
     * first turns of a process that just started are several times slower than its later ones (JIT,
     * first connections), and a refusal too early would turn a sale into a 503.
     */
    static final double SLACK = 1.5;

    private QueueEstimate() {
    }

    /**
     * The expected wait for a turn with {@code ahead} checkouts queued in front, {@code width} running at a
     * time, each taking {@code turnNanos}: on average half a turn for the first in line (the running ones are
     * half done), one more turn per {@code width} in front.
     */
    static long waitNanos(int ahead, int width, long turnNanos) {
        return (long) ((ahead + 1) * (double) turnNanos / width);
    }

    /** True when even a queue {@link #SLACK} times faster than lately would not serve it in time. */
    static boolean hopeless(long expectedWaitNanos, long remainingNanos) {
        return expectedWaitNanos > remainingNanos * SLACK;
    }
}
