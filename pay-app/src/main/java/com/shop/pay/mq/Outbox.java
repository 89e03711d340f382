package com.shop.pay.mq;

import com.shop.pay.db.OutboxMapper;
import org.springframework.stereotype.Component;

/**
 * Puts a message in the outbox, inside the caller's local transaction: it exists if and only if the
 * change it announces committed. {@link OutboxRelay} sends it and deletes it once the broker has it.
 */
@Component
public class Outbox {

    static final String PRODUCER_GROUP = "pay-app-producer";

    private final OutboxMapper rows;

    public Outbox(OutboxMapper rows) {
        this.rows = rows;
    }

    /** The row's id: topic and key, so one key can be announced on a topic only once. */
    public String add(String topic, String key, String body) {
        String id = topic + ":" + key;
        rows.insert(id, PRODUCER_GROUP, topic, null, key, body);
        return id;
    }
}
