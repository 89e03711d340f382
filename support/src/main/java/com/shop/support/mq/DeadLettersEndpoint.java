package com.shop.support.mq;

import java.util.List;
import java.util.Map;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * {@code /actuator/deadletters}: the messages this service's consumer groups gave up on, with the
 * last error. Each is in RocketMQ's {@code %DLQ%<group>} queue; after fixing the cause an operator
 * resends it from there, and the consumer log lets it through once.
 */
@Endpoint(id = "deadletters")
public class DeadLettersEndpoint {

    private final IdempotentConsumer consumer;

    public DeadLettersEndpoint(IdempotentConsumer consumer) {
        this.consumer = consumer;
    }

    @ReadOperation
    public List<Map<String, Object>> list() {
        return consumer.deadLetters();
    }
}
