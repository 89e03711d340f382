package com.shop.order.timeout;

import com.shop.api.error.ErrorCode;
import com.shop.api.error.ShopException;
import com.shop.support.Causes;
import org.springframework.stereotype.Component;

/**
 * What the timeout message and the sweep do with an order whose pay deadline passed: cancel it if it is
 * still unpaid. The payment winning the race is an answer, not a failure: the cancel rolled back whole
 * and nothing is retried.
 */
@Component
public class ExpireOrder {

    /** How an expiry ended. */
    public enum Result {
        /** This call cancelled the order. */
        CANCELLED,
        /** The payment was paid first: pay-app refused to close it, and the cancel rolled back. */
        PAID_FIRST,
        /** Paid, cancelled already, or unknown: nothing to do. */
        NOTHING_TO_DO
    }

    private final CancelOrder cancelOrder;

    public ExpireOrder(CancelOrder cancelOrder) {
        this.cancelOrder = cancelOrder;
    }

    /** Any other failure is thrown: the cancel rolled back, and a redelivery or the next sweep tries again. */
    public Result expire(long orderId) {
        try {
            return cancelOrder.cancelIfUnpaid(orderId) ? Result.CANCELLED : Result.NOTHING_TO_DO;
        } catch (RuntimeException failure) {
            ShopException refusal = Causes.find(failure, ShopException.class);
            if (refusal != null && refusal.code() == ErrorCode.PAYMENT_IS_PAID) {
                return Result.PAID_FIRST;
            }
            throw failure;
        }
    }
}
