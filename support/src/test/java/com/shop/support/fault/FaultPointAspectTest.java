package com.shop.support.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.shop.api.Outcome;
import com.shop.api.error.ErrorCode;
import com.shop.api.error.ShopException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.aop.aspectj.annotation.AspectJProxyFactory;

class FaultPointAspectTest {

    /** A provider-shaped step: records that it ran, answers the outcome it is told to. */
    static class Step {
        final List<String> ran = new ArrayList<>();
        Outcome answer = Outcome.done();

        @FaultPoints(before = FaultPoint.GOODS_BEFORE_REDUCE_STOCK, after = FaultPoint.GOODS_AFTER_REDUCE_STOCK)
        public Outcome reduce() {
            ran.add("reduce");
            return answer;
        }

        @FaultPoints(after = FaultPoint.GOODS_AFTER_RESTORE_STOCK)
        public boolean restore(boolean restored) {
            ran.add("restore");
            return restored;
        }
    }

    private final FaultInjector faults = new FaultInjector(true, "goods");

    private Step proxied(Step step) {
        AspectJProxyFactory factory = new AspectJProxyFactory(step);
        factory.setProxyTargetClass(true);
        factory.addAspect(new FaultPointAspect(faults));
        return factory.getProxy();
    }

    @Test
    void aBeforePointFiresBeforeTheStepRuns() {
        Step step = new Step();
        faults.arm(FaultPoint.GOODS_BEFORE_REDUCE_STOCK, FaultAction.THROW, 0, 1);

        assertThatThrownBy(() -> proxied(step).reduce()).isInstanceOfSatisfying(ShopException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.INJECTED_FAULT));
        assertThat(step.ran).isEmpty();
    }

    @Test
    void anAfterPointFiresOnceTheStepDidItsWrite() {
        Step step = new Step();
        faults.arm(FaultPoint.GOODS_AFTER_REDUCE_STOCK, FaultAction.THROW, 0, 1);

        assertThatThrownBy(() -> proxied(step).reduce()).isInstanceOf(ShopException.class);
        assertThat(step.ran).containsExactly("reduce");
        assertThat(faults.armed()).isEmpty();
    }

    @Test
    void aStepThatRefusedItsWriteHasNoAfter() {
        Step step = new Step();
        step.answer = Outcome.refused(ErrorCode.GOODS_NUM_NOT_ENOUGH, "sold out");
        faults.arm(FaultPoint.GOODS_AFTER_REDUCE_STOCK, FaultAction.THROW, 0, 1);

        assertThat(proxied(step).reduce().isDone()).isFalse();
        assertThat(faults.armed()).hasSize(1);
    }

    @Test
    void aStepThatAnsweredFalseHasNoAfter() {
        Step step = new Step();
        faults.arm(FaultPoint.GOODS_AFTER_RESTORE_STOCK, FaultAction.THROW, 0, 1);

        assertThat(proxied(step).restore(false)).isFalse();
        assertThat(faults.armed()).hasSize(1);
        assertThatThrownBy(() -> proxied(step).restore(true)).isInstanceOf(ShopException.class);
        assertThat(step.ran).containsExactly("restore", "restore");
    }
}
