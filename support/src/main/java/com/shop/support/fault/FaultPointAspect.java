package com.shop.support.fault;

import com.shop.api.Outcome;
import org.aspectj.lang.ProceedingJoinPoint;
import org.aspectj.lang.annotation.Around;
import org.aspectj.lang.annotation.Aspect;
import org.springframework.core.Ordered;

/**
 * Fires the faults armed at a {@link FaultPoints} method's points. Ordered just outside Spring's
 * transaction advice (which is the innermost), so an "after" point on a {@code @Transactional}
 * step fires once that step's transaction committed. Not for {@code @GlobalTransactional} methods:
 * Seata adds its advice to an existing proxy inside the aspects already there, so an "after" point
 * there would fire after the global commit; put it on a step called inside the global transaction.
 */
@Aspect
public class FaultPointAspect implements Ordered {

    static final int ORDER = Ordered.LOWEST_PRECEDENCE - 1;

    private final FaultInjector faults;

    public FaultPointAspect(FaultInjector faults) {
        this.faults = faults;
    }

    @Around("@annotation(points)")
    public Object around(ProceedingJoinPoint step, FaultPoints points) throws Throwable {
        for (FaultPoint point : points.before()) {
            faults.at(point);
        }
        Object result = step.proceed();
        if (happened(result)) {
            for (FaultPoint point : points.after()) {
                faults.at(point);
            }
        }
        return result;
    }

    /** A step happened unless it answered that it did not: an Outcome not done, or false. */
    private static boolean happened(Object result) {
        if (result instanceof Outcome outcome) {
            return outcome.isDone();
        }
        return !Boolean.FALSE.equals(result);
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
