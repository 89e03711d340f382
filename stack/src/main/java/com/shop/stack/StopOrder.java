package com.shop.stack;

import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

/**
 * The order the stack stops in: consumers before providers (a Dubbo provider can hang on SIGTERM
 * while a consumer is connected: docs/stack-traps.md#12-a-dubbo-provider-can-hang-on-shutdown),
 * then the TC, the brokers, the database last. The components of one wave stop side by side.
 */
final class StopOrder {

    private static final List<List<String>> WAVES = List.of(
            List.of(Components.ORDER),
            List.of(Components.PAY, Components.USER, Components.COUPON, Components.GOODS),
            List.of(Components.SEATA),
            List.of(Components.ROCKETMQ, Components.NACOS),
            List.of(Components.MARIADB));

    private StopOrder() {
    }

    /**
     * Runs {@code stop} for every one of the named components, wave after wave (every instance of a kind
     * in its kind's wave), each wave's on threads of their own.
     */
    static void stopAll(Collection<String> components, Consumer<String> stop) {
        for (List<String> kinds : WAVES) {
            List<String> wave = components.stream().filter(name -> kinds.contains(Components.kind(name))).toList();
            List<Thread> threads = wave.stream().map(name -> new Thread(() -> stop.accept(name), "stop-" + name)).toList();
            threads.forEach(Thread::start);
            for (Thread thread : threads) {
                try {
                    thread.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
