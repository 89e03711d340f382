package com.shop.e2e.chaos;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What happened during a soak, in order: every fault injected and what became of it, every anomaly
 * found, every checkpoint. Times are offsets from the start of the soak.
 */
final class SoakLog {

    enum Kind { FAULT, RECOVERY, ANOMALY, CHECKPOINT, NOTE }

    record Event(long atNanos, Kind kind, String what) {
    }

    private final long startedNanos = System.nanoTime();
    private final List<Event> events = new CopyOnWriteArrayList<>();

    void fault(String what) {
        add(Kind.FAULT, what);
    }

    void recovery(String what) {
        add(Kind.RECOVERY, what);
    }

    void anomaly(String what) {
        add(Kind.ANOMALY, what);
    }

    void checkpoint(String what) {
        add(Kind.CHECKPOINT, what);
    }

    void note(String what) {
        add(Kind.NOTE, what);
    }

    List<Event> events() {
        return List.copyOf(events);
    }

    List<Event> of(Kind kind) {
        return events.stream().filter(e -> e.kind() == kind).toList();
    }

    /** "mm:ss" since the soak started. */
    String clock(long nanos) {
        long seconds = Math.max(0, (nanos - startedNanos) / 1_000_000_000);
        return String.format("%02d:%02d", seconds / 60, seconds % 60);
    }

    private void add(Kind kind, String what) {
        Event event = new Event(System.nanoTime(), kind, what);
        events.add(event);
        System.out.printf("[soak %s] %s %s%n", clock(event.atNanos()), kind, what);
    }
}
