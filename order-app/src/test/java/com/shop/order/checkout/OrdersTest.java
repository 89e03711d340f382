package com.shop.order.checkout;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.shop.order.db.OrderMapper;
import com.shop.order.db.OrderRecord;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;

/** What the order table's refusals mean to checkout: the request id's unique key is a duplicate request. */
class OrdersTest {

    private final OrderMapper mapper = mock(OrderMapper.class);
    private final Orders orders = new Orders(mapper);
    private final PricedOrder priced = new PricedOrder(new PlaceOrder("r-1", 1L, 2L, 1, new BigDecimal("10.00"),
            new BigDecimal("10.00"), new BigDecimal("20.00"), null, null, "a", "c"), new BigDecimal("10.00"),
            new BigDecimal("10.00"), new BigDecimal("20.00"), BigDecimal.ZERO, BigDecimal.ZERO, new BigDecimal("20.00"));

    @Test
    void aSecondOrderWithTheSameRequestIdIsADuplicateRequest() {
        when(mapper.insert(any(OrderRecord.class))).thenThrow(new DuplicateKeyException("Duplicate entry 'r-1' for key 'uk_request_id'"));

        assertThatThrownBy(() -> orders.insertUnconfirmed(3L, priced, "xid")).isInstanceOf(DuplicateRequest.class);
    }

    @Test
    void anyOtherDuplicateKeyIsLeftAsItIs() {
        when(mapper.insert(any(OrderRecord.class))).thenThrow(new DuplicateKeyException("Duplicate entry '3' for key 'PRIMARY'"));

        assertThatThrownBy(() -> orders.insertUnconfirmed(3L, priced, "xid")).isExactlyInstanceOf(DuplicateKeyException.class);
    }
}
