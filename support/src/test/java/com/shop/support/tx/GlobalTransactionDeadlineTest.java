package com.shop.support.tx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.apache.seata.spring.annotation.GlobalTransactional;
import org.junit.jupiter.api.Test;
import org.springframework.aop.aspectj.annotation.AspectJProxyFactory;

class GlobalTransactionDeadlineTest {

    private static final long DEFAULT_TIMEOUT_MILLIS = 10_000;

    /** Global-transactional methods that note what time they saw left. */
    static class Flow {
        final List<OptionalLong> seen = new ArrayList<>();
        Flow self;

        @GlobalTransactional(name = "outer")
        public void outer() {
            seen.add(GlobalTransactionTimeLeft.millis());
            self.probe();
            seen.add(GlobalTransactionTimeLeft.millis());
        }

        @GlobalTransactional(name = "probe", timeoutMills = 30_000)
        public void probe() {
            seen.add(GlobalTransactionTimeLeft.millis());
        }

        @GlobalTransactional(name = "failing")
        public void failing() {
            throw new IllegalStateException("a step failed");
        }
    }

    private static Flow proxied(Flow flow) {
        AspectJProxyFactory factory = new AspectJProxyFactory(flow);
        factory.setProxyTargetClass(true);
        factory.addAspect(new GlobalTransactionDeadline(DEFAULT_TIMEOUT_MILLIS));
        Flow proxy = factory.getProxy();
        flow.self = proxy;
        return proxy;
    }

    @Test
    void aTransactionHasItsTimeoutLessTheRollbackAllowanceAndANestedOneKeepsTheOutersDeadline() {
        Flow flow = new Flow();
        proxied(flow).outer();

        long allowed = DEFAULT_TIMEOUT_MILLIS - GlobalTransactionDeadline.ROLLBACK_ALLOWANCE_MILLIS;
        assertThat(flow.seen).hasSize(3).allSatisfy(left -> assertThat(left).isPresent());
        assertThat(flow.seen.get(0).getAsLong()).isBetween(allowed - 1_000, allowed);
        // The nested method joins the outer transaction: its own 30 s timeout does not extend the deadline.
        assertThat(flow.seen.get(1).getAsLong()).isLessThanOrEqualTo(flow.seen.get(0).getAsLong());
        assertThat(flow.seen.get(2).getAsLong()).isLessThanOrEqualTo(flow.seen.get(1).getAsLong());
        assertThat(GlobalTransactionTimeLeft.millis()).isEmpty();
    }

    @Test
    void aTransactionWithItsOwnTimeoutGetsThatOne() {
        Flow flow = new Flow();
        proxied(flow).probe();

        assertThat(flow.seen.get(0).getAsLong()).isGreaterThan(DEFAULT_TIMEOUT_MILLIS);
    }

    @Test
    void theDeadlineIsGoneAfterAFailedTransactionToo() {
        Flow flow = proxied(new Flow());
        try {
            flow.failing();
        } catch (IllegalStateException expected) {
            // the transaction failed; what matters is what the thread carries afterwards
        }

        assertThat(GlobalTransactionTimeLeft.millis()).isEmpty();
    }
}
