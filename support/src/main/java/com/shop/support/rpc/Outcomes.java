package com.shop.support.rpc;

import com.shop.api.Outcome;
import com.shop.api.error.ErrorCode;
import com.shop.api.error.ShopException;
import com.shop.support.Causes;
import com.shop.support.tx.CoordinatorFailures;
import org.apache.seata.rm.datasource.exec.LockConflictException;

/**
 * How a provider answers a write: a business refusal becomes data; so does losing the race for a
 * Seata global lock (another checkout holds the row), which the caller may retry, and a TC that could
 * not be reached. Anything else stays an exception and fails the global transaction.
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
            if (CoordinatorFailures.unreachable(e)) {
                // The branch could not register with the TC (it died with the transaction): nothing was kept here.
                // Said as data: an exception crosses Dubbo as text, and the caller could not tell it from a defect.
                return Outcome.refused(ErrorCode.COORDINATOR_UNAVAILABLE, "The branch could not reach the TC");
            }
            throw e;
        }
    }
}
