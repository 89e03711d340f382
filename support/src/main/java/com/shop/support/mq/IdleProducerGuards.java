package com.shop.support.mq;

import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.spring.core.RocketMQTemplate;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Slows down the two guard threads every started RocketMQ producer has, which only serve automatic
 * batching — a feature our producers do not use.
 *
 * <p>{@code DefaultMQProducer.start()} always starts its {@code ProduceAccumulator}'s guard threads
 * ({@code Client_…_GuardForSyncSend} and {@code …_GuardForAsyncSend}); each wakes every half of the
 * batch hold time, 10 ms by default, to flush batches that exist only with {@code autoBatch} on.
 * That was about 1 % of a core in every service with a producer, idle or not (docs/benchmarks.md,
 * "Stack targets"). A longer hold time lets them sleep 250 ms instead; with {@code autoBatch} off
 * nothing else reads it: every send goes straight to the broker, as before. A producer with
 * {@code autoBatch} on is left alone: there a longer hold time would delay its sends.
 *
 * <p>Stopping a producer waits for each guard's current sleep to end, so a much longer hold time
 * would slow every service's shutdown.
 */
public final class IdleProducerGuards implements BeanPostProcessor {

    static final int HOLD_MILLIS_WITHOUT_BATCHING = 500;

    /**
     * On a started producer: whether it batches is only known then ({@code getAutoBatch()} answers false
     * before), and its guards read the hold time anew on every round.
     */
    public static DefaultMQProducer rest(DefaultMQProducer started) {
        if (!started.getAutoBatch()) {
            started.batchMaxDelayMs(HOLD_MILLIS_WITHOUT_BATCHING);
        }
        return started;
    }

    /** rocketmq-spring's template starts its producer when it is initialised. */
    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof RocketMQTemplate template && template.getProducer() != null) {
            rest(template.getProducer());
        }
        return bean;
    }
}
