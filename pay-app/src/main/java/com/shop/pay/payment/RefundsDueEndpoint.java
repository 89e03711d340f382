package com.shop.pay.payment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.stereotype.Component;

/** {@code /actuator/refunds}: money owed back for payments made after their order was cancelled, oldest first. */
@Component
@Endpoint(id = "refunds")
public class RefundsDueEndpoint {

    private static final int SHOWN = 500;

    private final RefundsDue refunds;

    public RefundsDueEndpoint(RefundsDue refunds) {
        this.refunds = refunds;
    }

    @ReadOperation
    public Map<String, Object> show() {
        List<Map<String, Object>> rows = refunds.list(SHOWN);
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("due", refunds.count());
        state.put("rows", rows);
        return state;
    }
}
