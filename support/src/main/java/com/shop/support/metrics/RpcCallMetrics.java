package com.shop.support.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import org.apache.dubbo.common.constants.CommonConstants;
import org.apache.dubbo.common.extension.Activate;
import org.apache.dubbo.rpc.BaseFilter;
import org.apache.dubbo.rpc.Filter;
import org.apache.dubbo.rpc.Invocation;
import org.apache.dubbo.rpc.Invoker;
import org.apache.dubbo.rpc.Result;
import org.apache.dubbo.rpc.RpcException;

/**
 * {@code shop.rpc.calls}: every Dubbo call a service makes or serves, timed, by side ({@code consumer},
 * {@code provider}), contract, method and outcome — {@code ok} (an answer, a refusal in an
 * {@code Outcome} included), {@code exception} (the provider threw) or {@code error} (no answer: the
 * provider was down, the call timed out, it was refused before it ran).
 *
 * <p>Ours rather than Dubbo's own metrics: Dubbo 3.3's Prometheus reporter is written against the
 * Prometheus client that Micrometer replaced in 1.13 (Spring Boot 3.5 ships the new one). Dubbo
 * creates filters itself, outside Spring, so this records into Micrometer's global registry, which
 * Spring Boot joins its own registries to ({@code management.metrics.use-global-registry}, on by default).
 */
@Activate(group = {CommonConstants.CONSUMER, CommonConstants.PROVIDER})
public class RpcCallMetrics implements Filter, BaseFilter.Listener {

    static final String METER = "shop.rpc.calls";
    private static final String STARTED = RpcCallMetrics.class.getName() + ".started";

    private final MeterRegistry registry;

    public RpcCallMetrics() {
        this(Metrics.globalRegistry);
    }

    RpcCallMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Result invoke(Invoker<?> invoker, Invocation invocation) throws RpcException {
        invocation.put(STARTED, System.nanoTime());
        return invoker.invoke(invocation);
    }

    @Override
    public void onResponse(Result result, Invoker<?> invoker, Invocation invocation) {
        record(invoker, invocation, result.hasException() ? "exception" : "ok");
    }

    @Override
    public void onError(Throwable failure, Invoker<?> invoker, Invocation invocation) {
        record(invoker, invocation, "error");
    }

    private void record(Invoker<?> invoker, Invocation invocation, String outcome) {
        Object started = invocation.get(STARTED);
        if (!(started instanceof Long since)) {
            return;
        }
        Timer.builder(METER).description("Dubbo calls made or served, by side, contract, method and outcome")
                .tag("side", invoker.getUrl().getSide(CommonConstants.PROVIDER))
                .tag("service", invoker.getInterface().getSimpleName())
                .tag("method", invocation.getMethodName())
                .tag("outcome", outcome)
                .register(registry)
                .record(System.nanoTime() - since, TimeUnit.NANOSECONDS);
    }
}
