package com.shop.support.fault;

/** What an armed fault does when the flow reaches its point. */
public enum FaultAction {
    /** Throw: the step fails as if its code had a bug. */
    THROW,
    /** Sleep for the given milliseconds, then go on: a slow participant. */
    DELAY,
    /** Halt the JVM at once, no shutdown hooks: a crash. */
    HALT
}
