package com.shop.support.id;

import java.time.Clock;

/**
 * Snowflake ids: 41 bits of milliseconds since 2024-01-01, 10 bits of worker, 12 bits of sequence.
 * Unique across processes as long as each process has its own worker id (see {@code shop.id.worker-id}).
 */
public class IdGenerator {

    static final long EPOCH_MILLIS = 1_704_067_200_000L;
    private static final int WORKER_BITS = 10;
    private static final int SEQUENCE_BITS = 12;
    private static final long MAX_WORKER = (1L << WORKER_BITS) - 1;
    private static final long SEQUENCE_MASK = (1L << SEQUENCE_BITS) - 1;

    private final long workerId;
    private final Clock clock;
    private long lastMillis = -1;
    private long sequence;

    public IdGenerator(long workerId) {
        this(workerId, Clock.systemUTC());
    }

    IdGenerator(long workerId, Clock clock) {
        if (workerId < 0 || workerId > MAX_WORKER) {
            throw new IllegalArgumentException("worker id must be within 0.." + MAX_WORKER + ", was " + workerId);
        }
        this.workerId = workerId;
        this.clock = clock;
    }

    public synchronized long nextId() {
        long now = clock.millis();
        if (now < lastMillis) {
            // The wall clock stepped back (NTP): keep issuing from the last instant rather than repeat ids.
            now = lastMillis;
        }
        if (now == lastMillis) {
            sequence = (sequence + 1) & SEQUENCE_MASK;
            if (sequence == 0) {
                now = waitForNextMillis(lastMillis);
            }
        } else {
            sequence = 0;
        }
        lastMillis = now;
        return ((now - EPOCH_MILLIS) << (WORKER_BITS + SEQUENCE_BITS)) | (workerId << SEQUENCE_BITS) | sequence;
    }

    private long waitForNextMillis(long last) {
        long now = clock.millis();
        while (now <= last) {
            Thread.onSpinWait();
            now = clock.millis();
        }
        return now;
    }
}
