package com.shop.support.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.shop.api.goods.GoodsService;
import com.shop.support.tx.GlobalTransactionDeadline;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.dubbo.common.constants.CommonConstants;
import org.apache.dubbo.rpc.AppResponse;
import org.apache.dubbo.rpc.Invoker;
import org.apache.dubbo.rpc.RpcException;
import org.apache.dubbo.rpc.RpcInvocation;
import org.apache.seata.spring.annotation.GlobalTransactional;
import org.junit.jupiter.api.Test;
import org.springframework.aop.aspectj.annotation.AspectJProxyFactory;

class GlobalTransactionCallTimeoutTest {

    private final GlobalTransactionCallTimeout filter = new GlobalTransactionCallTimeout();

    @SuppressWarnings("unchecked")
    private final Invoker<GoodsService> invoker = mock(Invoker.class);

    /** A global transaction of the given timeout that makes one call through the filter once {@code before} ran. */
    static class Transaction {
        Runnable before;
        Runnable call;

        @GlobalTransactional(name = "short", timeoutMills = 3_000)
        public void run() {
            before.run();
            call.run();
        }
    }

    private Transaction inTransaction(Runnable call) {
        return inTransaction(() -> { }, call);
    }

    private Transaction inTransaction(Runnable before, Runnable call) {
        Transaction transaction = new Transaction();
        transaction.before = before;
        transaction.call = call;
        AspectJProxyFactory factory = new AspectJProxyFactory(transaction);
        factory.setProxyTargetClass(true);
        factory.addAspect(new GlobalTransactionDeadline(10_000));
        return factory.getProxy();
    }

    private RpcInvocation reduceStock() {
        RpcInvocation invocation = new RpcInvocation();
        invocation.setMethodName("reduceStock");
        return invocation;
    }

    @Test
    void aCallOfAGlobalTransactionWaitsOnlyAsLongAsTheTransactionHasLeft() {
        when(invoker.invoke(any())).thenReturn(new AppResponse());
        RpcInvocation call = reduceStock();

        inTransaction(() -> filter.invoke(invoker, call)).run();

        long allowed = 3_000 - GlobalTransactionDeadline.ROLLBACK_ALLOWANCE_MILLIS;
        assertThat((Long) call.getObjectAttachment(CommonConstants.TIMEOUT_KEY)).isBetween(allowed - 1_000, allowed);
        verify(invoker).invoke(call);
    }

    @Test
    void aCallOnceTheTransactionsTimeIsUpIsNotMadeAndTimesOut() {
        when(invoker.getInterface()).thenReturn(GoodsService.class);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        // 3 s less the allowance is 2 s: spent before the call.
        Transaction transaction = inTransaction(() -> pause(2_100), () -> {
            try {
                filter.invoke(invoker, reduceStock());
            } catch (RpcException e) {
                failure.set(e);
            }
        });

        transaction.run();

        assertThat(failure.get()).isInstanceOfSatisfying(RpcException.class, e -> assertThat(e.isTimeout()).isTrue());
        assertThat(new ProviderUnavailable((RpcException) failure.get()).timedOut()).isTrue();
        verify(invoker, never()).invoke(any());
    }

    @Test
    void aCallOutsideAGlobalTransactionKeepsTheConsumersTimeout() {
        when(invoker.invoke(any())).thenReturn(new AppResponse());
        RpcInvocation call = reduceStock();

        filter.invoke(invoker, call);

        assertThat(call.getObjectAttachment(CommonConstants.TIMEOUT_KEY)).isNull();
    }

    @Test
    void aProviderSeenToGoAwayIsNotATimeout() {
        assertThat(new ProviderUnavailable(new RpcException(RpcException.NETWORK_EXCEPTION, "channel inactive")).timedOut())
                .isFalse();
        assertThatThrownBy(() -> ProviderUnavailable.call(() -> {
            throw new RpcException(RpcException.TIMEOUT_EXCEPTION, "no answer");
        })).isInstanceOfSatisfying(ProviderUnavailable.class, e -> assertThat(e.timedOut()).isTrue());
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
