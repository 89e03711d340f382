package com.shop.support.mq;

import com.shop.api.error.ErrorCode;
import com.shop.api.error.ShopException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.common.message.Message;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * {@code /actuator/deadletters}: GET lists the messages this service's consumer groups gave up on,
 * with the last error (each is also in RocketMQ's {@code %DLQ%<group>} queue). POST
 * {@code {"group":"…","key":"…"}}, once the cause is fixed, publishes the message again on its topic:
 * the group that gave up processes it, and every group that already did skips it (same key).
 */
@Endpoint(id = "deadletters")
public class DeadLettersEndpoint {

    private final IdempotentConsumer consumer;
    private final ObjectProvider<IdempotentListener<?>> listeners;
    private final String nameServer;
    private final String application;
    private DefaultMQProducer producer;

    public DeadLettersEndpoint(IdempotentConsumer consumer, ObjectProvider<IdempotentListener<?>> listeners, String nameServer,
                               String application) {
        this.consumer = consumer;
        this.listeners = listeners;
        this.nameServer = nameServer;
        this.application = application;
    }

    @ReadOperation
    public List<Map<String, Object>> list() {
        return consumer.deadLetters();
    }

    @WriteOperation
    public Map<String, Object> redrive(String group, String key) throws Exception {
        Map<String, Object> letter = consumer.deadLetters().stream()
                .filter(row -> group.equals(row.get("group_name")) && key.equals(row.get("msg_key")))
                .findFirst()
                .orElseThrow(() -> new ShopException(ErrorCode.REQUEST_PARAMETER_INVALID,
                        "No dead letter of group " + group + " with key " + key));
        String topic = listeners.orderedStream().filter(listener -> group.equals(listener.group())).map(IdempotentListener::topic)
                .findFirst()
                .orElseThrow(() -> new ShopException(ErrorCode.REQUEST_PARAMETER_INVALID, "No listener of group " + group));
        SendResult sent = producer().send(new Message(topic, (String) letter.get("msg_tag"), key,
                String.valueOf(letter.get("msg_body")).getBytes(StandardCharsets.UTF_8)));
        return Map.of("topic", topic, "key", key, "sendStatus", sent.getSendStatus().name());
    }

    private synchronized DefaultMQProducer producer() throws Exception {
        if (producer == null) {
            DefaultMQProducer created = new DefaultMQProducer(application + "-redrive");
            created.setNamesrvAddr(nameServer);
            created.start();
            producer = IdleProducerGuards.rest(created);
        }
        return producer;
    }

    /** Called by Spring at shutdown (an inferred destroy method): the redrive producer, if one was started. */
    public synchronized void close() {
        if (producer != null) {
            producer.shutdown();
            producer = null;
        }
    }
}
