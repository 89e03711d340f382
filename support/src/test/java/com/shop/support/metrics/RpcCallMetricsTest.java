package com.shop.support.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.shop.api.goods.GoodsService;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.dubbo.common.URL;
import org.apache.dubbo.rpc.AppResponse;
import org.apache.dubbo.rpc.Invoker;
import org.apache.dubbo.rpc.RpcException;
import org.apache.dubbo.rpc.RpcInvocation;
import org.junit.jupiter.api.Test;

class RpcCallMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final RpcCallMetrics metrics = new RpcCallMetrics(registry);

    @SuppressWarnings("unchecked")
    private final Invoker<GoodsService> invoker = mock(Invoker.class);

    @Test
    void eachCallIsTimedBySideContractMethodAndOutcome() {
        when(invoker.getUrl()).thenReturn(URL.valueOf("dubbo://127.0.0.1:20882/com.shop.api.goods.GoodsService?side=consumer"));
        when(invoker.getInterface()).thenReturn(GoodsService.class);
        when(invoker.invoke(any())).thenReturn(new AppResponse());

        RpcInvocation answered = new RpcInvocation();
        answered.setMethodName("reduceStock");
        metrics.invoke(invoker, answered);
        metrics.onResponse(new AppResponse(), invoker, answered);
        RpcInvocation failed = new RpcInvocation();
        failed.setMethodName("reduceStock");
        metrics.invoke(invoker, failed);
        metrics.onError(new RpcException("provider down"), invoker, failed);

        assertThat(count("ok")).isEqualTo(1);
        assertThat(count("error")).isEqualTo(1);
    }

    private long count(String outcome) {
        return registry.get(RpcCallMetrics.METER).tags("side", "consumer", "service", "GoodsService",
                "method", "reduceStock", "outcome", outcome).timer().count();
    }
}
