package com.shop.order.admission;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QueueEstimateTest {

    @Test
    void theFirstInLineWaitsHalfATurnOfTwoRunningAndEachPairAheadOneTurnMore() {
        assertThat(QueueEstimate.waitNanos(0, 2, 1_000)).isEqualTo(500);
        assertThat(QueueEstimate.waitNanos(3, 2, 1_000)).isEqualTo(2_000);
        assertThat(QueueEstimate.waitNanos(9, 1, 1_000)).isEqualTo(10_000);
    }

    @Test
    void onlyAWaitBeyondTheSlackIsHopeless() {
        assertThat(QueueEstimate.hopeless(1_500, 1_000)).isFalse();
        assertThat(QueueEstimate.hopeless(1_501, 1_000)).isTrue();
        assertThat(QueueEstimate.hopeless(1, 0)).isTrue();
    }
}
