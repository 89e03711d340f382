package com.shop.support.mq;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.spring.core.RocketMQTemplate;
import org.junit.jupiter.api.Test;

/**
 * The hold time a started producer's accumulator has is what its guard threads sleep on (half of it). No
 * broker is needed: a producer starts without reaching its name server.
 */
class IdleProducerGuardsTest {

    /** A port nothing listens on: the producer never reaches a name server, and does not need to. */
    private static final String NO_NAME_SERVER = "127.0.0.1:1";

    @Test
    void aProducerWithoutBatchingStartsWithGuardsThatSleepAQuarterSecond() throws Exception {
        DefaultMQProducer producer = IdleProducerGuards.rest(started(producer("rest")));
        try {
            assertThat(producer.getBatchMaxDelayMs()).isEqualTo(IdleProducerGuards.HOLD_MILLIS_WITHOUT_BATCHING);
        } finally {
            producer.shutdown();
        }
    }

    @Test
    void aBatchingProducerKeepsItsHoldTimeSoItsSendsAreNotDelayed() throws Exception {
        DefaultMQProducer batching = producer("batching");
        batching.setAutoBatch(true);
        DefaultMQProducer producer = IdleProducerGuards.rest(started(batching));
        try {
            assertThat(producer.getBatchMaxDelayMs()).as("RocketMQ's default hold time").isEqualTo(10);
        } finally {
            producer.shutdown();
        }
    }

    @Test
    void theProducerOfRocketMqSpringsTemplateIsRestedOnceTheTemplateStartedIt() throws Exception {
        RocketMQTemplate template = new RocketMQTemplate();
        template.setProducer(producer("template"));
        template.afterPropertiesSet();
        try {
            new IdleProducerGuards().postProcessAfterInitialization(template, "rocketMQTemplate");
            assertThat(template.getProducer().getBatchMaxDelayMs()).isEqualTo(IdleProducerGuards.HOLD_MILLIS_WITHOUT_BATCHING);
        } finally {
            template.destroy();
        }
    }

    /** Each with an instance name of its own: producers of one instance share one accumulator. */
    private static DefaultMQProducer producer(String name) {
        DefaultMQProducer producer = new DefaultMQProducer("idle-guards-" + name);
        producer.setNamesrvAddr(NO_NAME_SERVER);
        producer.setInstanceName("idle-guards-" + name + "-" + System.nanoTime());
        return producer;
    }

    private static DefaultMQProducer started(DefaultMQProducer producer) {
        try {
            producer.start();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return producer;
    }
}
