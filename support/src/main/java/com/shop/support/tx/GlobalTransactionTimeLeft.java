package com.shop.support.tx;

import java.util.OptionalLong;

/**
 * The time the global transaction this thread began has left, as {@link GlobalTransactionDeadline} set it.
 * Apart from the aspect, and free of Spring, because Dubbo loads the consumer filter that reads it
 * ({@code GlobalTransactionCallTimeout}) in any Dubbo client with support on its class path, Spring or not.
 */
public final class GlobalTransactionTimeLeft {

    private static final ThreadLocal<Long> END_NANOS = new ThreadLocal<>();

    private GlobalTransactionTimeLeft() {
    }

    static void start(long allowedMillis) {
        END_NANOS.set(System.nanoTime() + allowedMillis * 1_000_000L);
    }

    static void clear() {
        END_NANOS.remove();
    }

    /** Milliseconds left (0 once the time is up); empty outside a global transaction begun on this thread. */
    public static OptionalLong millis() {
        Long end = END_NANOS.get();
        return end == null ? OptionalLong.empty() : OptionalLong.of(Math.max(0, (end - System.nanoTime()) / 1_000_000L));
    }
}
