package com.shop.stack;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One process of the stack: which module it runs, with which options and variables of its own (over
 * the stack's), how to tell it is ready, and the ports it needs free (port → what it is for, for the
 * error message when one is taken).
 */
public record Component(String name, String module, String mainClass, List<String> jvmOptions,
                        Map<String, String> environment, Map<Integer, String> ports, Readiness readiness,
                        Duration startTimeout, Duration stopTimeout) {
}
