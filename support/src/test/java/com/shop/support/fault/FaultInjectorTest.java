package com.shop.support.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.shop.api.error.ErrorCode;
import com.shop.api.error.ShopException;
import org.junit.jupiter.api.Test;

class FaultInjectorTest {

    @Test
    void refusesToArmWhenInjectionIsOff() {
        FaultInjector off = new FaultInjector(false, "goods");
        assertThatThrownBy(() -> off.arm(FaultPoint.GOODS_AFTER_REDUCE_STOCK, FaultAction.THROW, 0, 1))
                .isInstanceOfSatisfying(ShopException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.FAULT_INJECTION_DISABLED));
        assertThatNoException().isThrownBy(() -> off.at(FaultPoint.GOODS_AFTER_REDUCE_STOCK));
    }

    @Test
    void anArmedThrowFiresTheGivenNumberOfTimesThenDisarms() {
        FaultInjector faults = new FaultInjector(true, "goods");
        faults.arm(FaultPoint.GOODS_AFTER_REDUCE_STOCK, FaultAction.THROW, 0, 2);
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> faults.at(FaultPoint.GOODS_AFTER_REDUCE_STOCK))
                    .isInstanceOfSatisfying(ShopException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.INJECTED_FAULT));
        }
        assertThatNoException().isThrownBy(() -> faults.at(FaultPoint.GOODS_AFTER_REDUCE_STOCK));
        assertThat(faults.armed()).isEmpty();
    }

    @Test
    void aFaultFiresOnlyAtItsOwnPoint() {
        FaultInjector faults = new FaultInjector(true, "goods");
        faults.arm(FaultPoint.GOODS_AFTER_REDUCE_STOCK, FaultAction.THROW, 0, 1);
        assertThatNoException().isThrownBy(() -> faults.at(FaultPoint.GOODS_BEFORE_REDUCE_STOCK));
        assertThat(faults.armed()).hasSize(1);
    }

    @Test
    void aDelayWaitsAtLeastItsTime() {
        FaultInjector faults = new FaultInjector(true, "user");
        faults.arm(FaultPoint.USER_BEFORE_DEDUCT, FaultAction.DELAY, 200, 1);
        long start = System.nanoTime();
        faults.at(FaultPoint.USER_BEFORE_DEDUCT);
        assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(200);
    }

    @Test
    void refusesAPointOfAnotherService() {
        FaultInjector faults = new FaultInjector(true, "goods");
        assertThatThrownBy(() -> faults.arm(FaultPoint.USER_AFTER_DEDUCT, FaultAction.THROW, 0, 1))
                .isInstanceOfSatisfying(ShopException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.REQUEST_PARAMETER_INVALID));
    }
}
