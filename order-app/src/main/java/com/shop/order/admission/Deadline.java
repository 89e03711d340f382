package com.shop.order.admission;

/**
 * When the caller stops caring: fixed when a checkout arrives, and every wait of that checkout
 * (admission, lost-race retries, a replay waiting for its first request) ends by then.
 */
public final class Deadline {

    private final long endNanos;

    private Deadline(long endNanos) {
        this.endNanos = endNanos;
    }

    public static Deadline afterMillis(long millis) {
        return new Deadline(System.nanoTime() + millis * 1_000_000L);
    }

    public long remainingMillis() {
        return Math.max(0, (endNanos - System.nanoTime()) / 1_000_000L);
    }

    public long remainingNanos() {
        return endNanos - System.nanoTime();
    }

    public boolean passed() {
        return endNanos - System.nanoTime() <= 0;
    }
}
