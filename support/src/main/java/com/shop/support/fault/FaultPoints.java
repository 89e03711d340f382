package com.shop.support.fault;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The fault points around a step, declared on the method that is the step (a provider's call, a
 * proxy's remote call, a write of the order) so the step's code stays free of them;
 * {@link FaultPointAspect} fires what is armed there.
 *
 * <p>{@link #before()} fires as the step is called. {@link #after()} fires once the step has
 * happened: it returned normally and did not answer that it did nothing (an
 * {@link com.shop.api.Outcome} not {@code isDone()}, or {@code false}); a step that threw or
 * refused has nothing after it. A provider's step returns only after its local transaction committed, so its "after" point is "the branch committed" — the
 * state a TC-driven rollback has to undo.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface FaultPoints {

    FaultPoint[] before() default {};

    FaultPoint[] after() default {};
}
