package com.shop.support.mq;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.spring.annotation.RocketMQMessageListener;
import org.apache.rocketmq.spring.core.RocketMQListener;
import org.apache.rocketmq.spring.core.RocketMQPushConsumerLifecycleListener;

/**
 * What every listener of the shop extends: annotate the subclass with {@code @RocketMQMessageListener}
 * (topic, consumer group) and write {@link #handle}. Each message is parsed from JSON and handled once
 * per group through {@link IdempotentConsumer}, in a local transaction under the global-lock check;
 * throwing from {@code handle} asks for a redelivery. A listener whose effect is a global transaction
 * guarded by the state it changes says so with {@link Dedupe#EFFECT_STATE}.
 */
public abstract class IdempotentListener<T> implements RocketMQListener<MessageExt>, RocketMQPushConsumerLifecycleListener {

    private final IdempotentConsumer consumer;
    private final ObjectMapper json;
    private final Class<T> type;
    private final Dedupe dedupe;
    private volatile String group;

    /** How a group keeps a redelivered message from taking effect twice. */
    public enum Dedupe {
        /** The consumer-log row, claimed in the effect's own local transaction. */
        CONSUMER_LOG,
        /**
         * The effect itself: a global transaction that acts only on a state it then changes, so a
         * redelivery finds nothing to do. The consumer log still records deliveries and failures.
         */
        EFFECT_STATE
    }

    protected IdempotentListener(IdempotentConsumer consumer, ObjectMapper json, Class<T> type) {
        this(consumer, json, type, Dedupe.CONSUMER_LOG);
    }

    protected IdempotentListener(IdempotentConsumer consumer, ObjectMapper json, Class<T> type, Dedupe dedupe) {
        this.consumer = consumer;
        this.json = json;
        this.type = type;
        this.dedupe = dedupe;
    }

    /**
     * Handles one event: with {@link Dedupe#CONSUMER_LOG} inside the consumer's local transaction, at most
     * once per message key; with {@link Dedupe#EFFECT_STATE} on its own, once per delivery.
     */
    protected abstract void handle(T event);

    /** The consumer group, once the container started. */
    public String group() {
        return group;
    }

    /** The topic of this listener's {@code @RocketMQMessageListener}. */
    public String topic() {
        RocketMQMessageListener annotation = getClass().getAnnotation(RocketMQMessageListener.class);
        return annotation == null ? null : annotation.topic();
    }

    @Override
    public void prepareStart(DefaultMQPushConsumer pushConsumer) {
        group = pushConsumer.getConsumerGroup();
        pushConsumer.setMaxReconsumeTimes(consumer.maxReconsumeTimes());
        // RocketMQ's 20 threads per group would, times three groups, crowd out the requests on a small host.
        pushConsumer.setConsumeThreadMin(consumer.consumeThreads());
        pushConsumer.setConsumeThreadMax(consumer.consumeThreads());
    }

    @Override
    public void onMessage(MessageExt message) {
        if (dedupe == Dedupe.EFFECT_STATE) {
            consumer.consumeStateGuarded(group, message, () -> handle(parse(message)));
        } else {
            consumer.consume(group, message, () -> handle(parse(message)));
        }
    }

    private T parse(MessageExt message) {
        try {
            return json.readValue(message.getBody(), type);
        } catch (IOException e) {
            throw new IllegalArgumentException("Message " + message.getKeys() + " is not a " + type.getSimpleName(), e);
        }
    }
}
