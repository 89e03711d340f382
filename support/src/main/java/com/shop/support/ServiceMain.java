package com.shop.support;

import org.springframework.boot.SpringApplication;

/**
 * How every service's {@code main} starts Spring: a start that fails ends the process with exit code 1.
 * Without this, a failed start (the RocketMQ name server unreachable while the message listeners start,
 * say) closes the Spring context but leaves the JVM running on the non-daemon threads Seata, Dubbo and
 * Netty started before the failure: a process that is alive, never ready and never restarted by its
 * supervisor. Found by the chaos soak (docs/stack-traps.md#29-a-failed-start-leaves-the-jvm-running).
 */
public final class ServiceMain {

    private ServiceMain() {
    }

    public static void run(Class<?> application, String[] args) {
        try {
            SpringApplication.run(application, args);
        } catch (Throwable failed) {
            // Spring has logged why ("Application run failed") and closed the context.
            System.exit(1);
        }
    }
}
