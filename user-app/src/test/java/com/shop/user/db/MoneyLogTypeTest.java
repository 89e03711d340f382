package com.shop.user.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.shop.api.Coded;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class MoneyLogTypeTest {

    @Test
    void everyValueHasTheCodeOfItsColumnAndComesBackFromIt() {
        // docs/design.md#status-codes-in-the-tables, trade_user_money_log.money_log_type
        assertThat(Arrays.stream(MoneyLogType.values()).mapToInt(Coded::code)).containsExactly(1, 2);
        assertThat(MoneyLogType.values()).allSatisfy(value -> assertThat(Coded.ofCode(MoneyLogType.class, value.code())).isSameAs(value));
        assertThatThrownBy(() -> Coded.ofCode(MoneyLogType.class, 7)).isInstanceOf(IllegalArgumentException.class);
    }
}
