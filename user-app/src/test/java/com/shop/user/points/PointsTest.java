package com.shop.user.points;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class PointsTest {

    @Test
    void earnsOnePointPerWholeYuanRoundedDown() {
        assertThat(Points.earnedFor(new BigDecimal("99.99"))).isEqualTo(99);
        assertThat(Points.earnedFor(new BigDecimal("100.00"))).isEqualTo(100);
        assertThat(Points.earnedFor(new BigDecimal("0.99"))).isZero();
    }

    @Test
    void earnsNothingForNothingPaid() {
        assertThat(Points.earnedFor(BigDecimal.ZERO)).isZero();
        assertThat(Points.earnedFor(new BigDecimal("0.00"))).isZero();
    }
}
