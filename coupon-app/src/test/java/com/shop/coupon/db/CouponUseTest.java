package com.shop.coupon.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.shop.api.Coded;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CouponUseTest {

    @Test
    void everyValueHasTheCodeOfItsColumnAndComesBackFromIt() {
        // docs/design.md#status-codes-in-the-tables, trade_coupon.is_used
        assertThat(Arrays.stream(CouponUse.values()).mapToInt(Coded::code)).containsExactly(0, 1);
        assertThat(CouponUse.values()).allSatisfy(value -> assertThat(Coded.ofCode(CouponUse.class, value.code())).isSameAs(value));
        assertThatThrownBy(() -> Coded.ofCode(CouponUse.class, 7)).isInstanceOf(IllegalArgumentException.class);
    }
}
