package com.shop.support.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class IdGeneratorTest {

    @Test
    void idsAreUniqueAndIncreasingWithinOneMillisecondAndAcrossMany() {
        IdGenerator ids = new IdGenerator(7);
        Set<Long> seen = new HashSet<>();
        long previous = 0;
        for (int i = 0; i < 50_000; i++) {
            long id = ids.nextId();
            assertThat(id).isGreaterThan(previous);
            assertThat(seen.add(id)).isTrue();
            previous = id;
        }
    }

    @Test
    void twoWorkersNeverCollideAtTheSameInstant() {
        Clock frozen = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
        long a = new IdGenerator(1, frozen).nextId();
        long b = new IdGenerator(2, frozen).nextId();
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void aClockSteppingBackDoesNotRepeatIds() {
        AtomicLong millis = new AtomicLong(IdGenerator.EPOCH_MILLIS + 10_000);
        Clock stepping = new Clock() {
            @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
            @Override public Clock withZone(java.time.ZoneId zone) { return this; }
            @Override public Instant instant() { return Instant.ofEpochMilli(millis.get()); }
        };
        IdGenerator ids = new IdGenerator(3, stepping);
        long first = ids.nextId();
        millis.addAndGet(-5_000);
        assertThat(ids.nextId()).isGreaterThan(first);
    }

    @Test
    void refusesAWorkerIdOutsideTenBits() {
        assertThatThrownBy(() -> new IdGenerator(1024)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new IdGenerator(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
