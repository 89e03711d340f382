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
 * throwing from {@code handle} asks for a redelivery.
 */
public abstract class IdempotentListener<T> implements RocketMQListener<MessageExt>, RocketMQPushConsumerLifecycleListener {

    private final IdempotentConsumer consumer;
    private final ObjectMapper json;
    private final Class<T> type;
    private volatile String group;

    protected IdempotentListener(IdempotentConsumer consumer, ObjectMapper json, Class<T> type) {
        this.consumer = consumer;
        this.json = json;
        this.type = type;
    }

    /** Handles one event; runs inside the consumer's local transaction, at most once per message key. */
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
        consumer.consume(group, message, () -> handle(parse(message)));
    }

    private T parse(MessageExt message) {
        try {
            return json.readValue(message.getBody(), type);
        } catch (IOException e) {
            throw new IllegalArgumentException("Message " + message.getKeys() + " is not a " + type.getSimpleName(), e);
        }
    }
}
