package com.shop.e2e.foundation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.shop.e2e.harness.StackExtension;
import com.shop.stack.Stack;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(StackExtension.class)
class RocketMqRoundTripTest {

    @Test
    void aMessageSentThroughTheBrokerComesBackToASubscriber(Stack stack) throws Exception {
        String namesrv = stack.settings().rocketMqNamesrv();
        String topic = "e2e-roundtrip";
        String body = "hello " + UUID.randomUUID();
        Queue<MessageExt> received = new ConcurrentLinkedQueue<>();

        DefaultMQProducer producer = new DefaultMQProducer("e2e-roundtrip-producer");
        producer.setNamesrvAddr(namesrv);
        producer.start();
        DefaultMQPushConsumer consumer = new DefaultMQPushConsumer("e2e-roundtrip-consumer");
        consumer.setNamesrvAddr(namesrv);
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        try {
            // Create the topic by sending first, so the subscriber finds its route at once.
            SendResult first = producer.send(new Message(topic, "warmup".getBytes(StandardCharsets.UTF_8)));
            assertThat(first.getSendStatus()).isEqualTo(SendStatus.SEND_OK);
            consumer.subscribe(topic, "*");
            consumer.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
                received.addAll(messages);
                return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
            });
            consumer.start();

            SendResult sent = producer.send(new Message(topic, body.getBytes(StandardCharsets.UTF_8)));
            assertThat(sent.getSendStatus()).isEqualTo(SendStatus.SEND_OK);

            await("the message sent through the broker, received by the subscriber").atMost(Duration.ofSeconds(60))
                    .until(() -> received.stream()
                            .anyMatch(message -> body.equals(new String(message.getBody(), StandardCharsets.UTF_8))));
        } finally {
            consumer.shutdown();
            producer.shutdown();
        }
    }
}
