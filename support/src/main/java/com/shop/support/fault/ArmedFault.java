package com.shop.support.fault;

/** A fault waiting at its point; it fires {@code remaining} more times, then disarms itself. */
public record ArmedFault(String point, FaultAction action, long delayMillis, int remaining) {

    ArmedFault fired() {
        return remaining <= 1 ? null : new ArmedFault(point, action, delayMillis, remaining - 1);
    }
}
