package com.shop.support.rpc;

import com.shop.api.Outcome;
import com.shop.api.error.ErrorCode;
import com.shop.api.error.ShopException;
import com.shop.support.Causes;
import org.apache.seata.rm.datasource.exec.LockConflictException;

/**
 * How a provider answers a write: a business refusal becomes data; so does losing the race for a
 * Seata global lock (another checkout holds the row), which the caller may retry. Anything else
 * stays an exception and fails the global transaction.
 */
public final class Outcomes {

    private Outcomes() {
    }

    public static Outcome of(Runnable work) {
        try {
            work.run();
            return Outcome.done();
        } catch (ShopException refusal) {
            return Outcome.refused(refusal.code(), refusal.getMessage());
        } catch (RuntimeException e) {
            if (Causes.has(e, LockConflictException.class)) {
                return Outcome.refused(ErrorCode.CHECKOUT_BUSY, "Global lock held by another transaction");
            }
            throw e;
        }
    }
}
