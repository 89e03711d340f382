package com.shop.goods.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.shop.api.Coded;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class StockLogTypeTest {

    @Test
    void everyValueHasTheCodeOfItsColumnAndComesBackFromIt() {
        // docs/design.md#status-codes-in-the-tables, trade_goods_number_log.log_type
        assertThat(Arrays.stream(StockLogType.values()).mapToInt(Coded::code)).containsExactly(1, 2);
        assertThat(StockLogType.values()).allSatisfy(value -> assertThat(Coded.ofCode(StockLogType.class, value.code())).isSameAs(value));
        assertThatThrownBy(() -> Coded.ofCode(StockLogType.class, 7)).isInstanceOf(IllegalArgumentException.class);
    }
}
