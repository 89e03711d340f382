package com.shop.pay.mq;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.stereotype.Component;

/** {@code /actuator/outbox}: the messages the broker has not taken yet, oldest first, with their last error. */
@Component
@Endpoint(id = "outbox")
public class OutboxEndpoint {

    private final OutboxRelay relay;

    public OutboxEndpoint(OutboxRelay relay) {
        this.relay = relay;
    }

    @ReadOperation
    public Map<String, Object> show() {
        List<Map<String, Object>> rows = relay.waiting(100);
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("waiting", rows.size());
        state.put("stuckAfterAttempts", OutboxRelay.STUCK_ATTEMPTS);
        state.put("rows", rows);
        return state;
    }
}
