package com.shop.support.tx;

import org.apache.seata.spring.annotation.GlobalTransactional;
import org.aspectj.lang.ProceedingJoinPoint;
import org.aspectj.lang.annotation.Around;
import org.aspectj.lang.annotation.Aspect;
import org.springframework.core.Ordered;

/**
 * When the global transaction this thread began has to be over: its timeout after it began, less
 * {@link #ROLLBACK_ALLOWANCE_MILLIS} kept back to roll it back and answer within that timeout.
 *
 * <p>Why it exists: the TC rolls a global transaction back at its timeout whatever happens, so a step still
 * waiting for a provider after that waits for nothing. It used to wait for Dubbo's consumer timeout (15 s)
 * when a provider hung, or died without its connection being seen to drop: a checkout answered after 15 s in
 * a fail-over run, 5 s after its transaction was already gone. {@link com.shop.support.rpc.GlobalTransactionCallTimeout}
 * gives each call of the transaction the time it has left instead.
 *
 * <p>Set around the outermost {@code @GlobalTransactional} method on the thread (a nested one joins its
 * transaction and so keeps its deadline), outside Seata's advice: in place before the transaction begins,
 * gone once it ended.
 */
@Aspect
public class GlobalTransactionDeadline implements Ordered {

    /** Kept back from the timeout for the rollback and the answer: the caller hears by the timeout. */
    public static final long ROLLBACK_ALLOWANCE_MILLIS = 1_000;

    private final long defaultTimeoutMillis;

    public GlobalTransactionDeadline(long defaultTimeoutMillis) {
        this.defaultTimeoutMillis = defaultTimeoutMillis;
    }

    @Around("@annotation(transaction)")
    public Object around(ProceedingJoinPoint call, GlobalTransactional transaction) throws Throwable {
        if (GlobalTransactionTimeLeft.millis().isPresent()) {
            return call.proceed();
        }
        long allowedMillis = SeataClientSettings.timeoutMillis(transaction, defaultTimeoutMillis) - ROLLBACK_ALLOWANCE_MILLIS;
        GlobalTransactionTimeLeft.start(allowedMillis);
        try {
            return call.proceed();
        } finally {
            GlobalTransactionTimeLeft.clear();
        }
    }

    /** Inside {@code GlobalTransactionMetrics} (which times what the caller sees), outside Seata's advice (+1000). */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 200;
    }
}
