package com.shop.support.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.shop.api.Coded;
import com.shop.api.order.OrderStatus;
import com.shop.support.mq.ConsumerStatus;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CodeTypeHandlerTest {

    private final CodeTypeHandler<OrderStatus> handler = new CodeTypeHandler<>(OrderStatus.class);

    @Test
    void writesEveryStateAsItsCodeAndReadsItBack() throws SQLException {
        for (OrderStatus status : OrderStatus.values()) {
            PreparedStatement statement = mock(PreparedStatement.class);
            handler.setParameter(statement, 1, status, null);
            verify(statement).setInt(1, status.code());

            ResultSet rows = mock(ResultSet.class);
            when(rows.getInt("order_status")).thenReturn(status.code());
            assertThat(handler.getResult(rows, "order_status")).isEqualTo(status);
        }
    }

    @Test
    void readsNullAsNullAndRefusesACodeNoStateHas() throws SQLException {
        ResultSet rows = mock(ResultSet.class);
        when(rows.wasNull()).thenReturn(true);
        assertThat(handler.getResult(rows, 1)).isNull();

        ResultSet unknown = mock(ResultSet.class);
        when(unknown.getInt(1)).thenReturn(9);
        assertThatThrownBy(() -> handler.getResult(unknown, 1)).hasRootCauseInstanceOf(IllegalArgumentException.class)
                .hasStackTraceContaining("No OrderStatus with code 9");
    }

    @Test
    void refusesAnEnumWithoutCodes() {
        @SuppressWarnings({"rawtypes", "unchecked"})
        Class<ConsumerStatus> notCoded = (Class) DayOfWeek.class;
        assertThatThrownBy(() -> new CodeTypeHandler<>(notCoded)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theConsumerLogStatesHaveTheCodesOfTheirColumn() {
        assertThat(Arrays.stream(ConsumerStatus.values()).mapToInt(Coded::code)).containsExactly(0, 1, 2);
        assertThat(ConsumerStatus.values()).allSatisfy(s -> assertThat(Coded.ofCode(ConsumerStatus.class, s.code())).isSameAs(s));
    }
}
