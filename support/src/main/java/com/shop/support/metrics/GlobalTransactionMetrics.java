package com.shop.support.metrics;

import com.shop.support.tx.SeataClientSettings;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import org.apache.seata.spring.annotation.GlobalTransactional;
import org.aspectj.lang.ProceedingJoinPoint;
import org.aspectj.lang.annotation.Around;
import org.aspectj.lang.annotation.Aspect;
import org.springframework.core.Ordered;

/**
 * {@code shop.global.transactions}: every {@code @GlobalTransactional} method this service begins,
 * timed, by its name and outcome — {@code committed}, {@code rolled_back}, or {@code timed_out} (rolled
 * back after running at least its global timeout). Ordered first, outside Seata's own advice, so it
 * sees what the caller sees: the commit or the rollback has happened when the call returns or throws.
 */
@Aspect
public class GlobalTransactionMetrics implements Ordered {

    static final String METER = "shop.global.transactions";

    private final MeterRegistry registry;
    private final long defaultTimeoutMillis;

    public GlobalTransactionMetrics(MeterRegistry registry, long defaultTimeoutMillis) {
        this.registry = registry;
        this.defaultTimeoutMillis = defaultTimeoutMillis;
    }

    @Around("@annotation(transaction)")
    public Object around(ProceedingJoinPoint call, GlobalTransactional transaction) throws Throwable {
        long started = System.nanoTime();
        String outcome = "rolled_back";
        try {
            Object result = call.proceed();
            outcome = "committed";
            return result;
        } catch (Throwable failure) {
            if ((System.nanoTime() - started) / 1_000_000 >= SeataClientSettings.timeoutMillis(transaction, defaultTimeoutMillis)) {
                outcome = "timed_out";
            }
            throw failure;
        } finally {
            Timer.builder(METER).description("Global transactions begun here, by name and outcome")
                    .tag("name", transaction.name()).tag("outcome", outcome)
                    .publishPercentileHistogram()
                    .register(registry)
                    .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        }
    }

    /**
     * Before Seata's global-transaction advice (DefaultValues.TM_INTERCEPTOR_ORDER, HIGHEST_PRECEDENCE + 1000),
     * so outside it; after Spring's ExposeInvocationInterceptor (HIGHEST_PRECEDENCE + 1), without which an
     * advice cannot bind the annotation.
     */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 100;
    }
}
