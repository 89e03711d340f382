package com.shop.order.admission;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TurnTimesTest {

    @Test
    void tellsNothingUntilEnoughTurnsWereSeen() {
        TurnTimes times = new TurnTimes();
        for (int i = 1; i < TurnTimes.ENOUGH; i++) {
            times.record(i);
        }
        assertThat(times.typical()).isEmpty();

        times.record(TurnTimes.ENOUGH);
        assertThat(times.typical()).hasValue(3);
    }

    @Test
    void followsTheRecentTurnsAndIgnoresASlowAndAnOddlyQuickTurn() {
        TurnTimes times = new TurnTimes();
        for (int i = 0; i < TurnTimes.KEPT; i++) {
            times.record(1_000);
        }
        for (int i = 0; i < TurnTimes.KEPT - 2; i++) {
            times.record(100);
        }
        times.record(50_000);
        times.record(1);

        assertThat(times.typical()).hasValue(100);
    }
}
