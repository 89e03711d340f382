package com.shop.order.checkout;

import com.shop.api.error.ErrorCode;
import com.shop.api.error.ShopException;
import com.shop.order.admission.CheckoutAdmission;
import com.shop.order.admission.Deadline;
import com.shop.order.db.OrderRecord;
import com.shop.support.Causes;
import com.shop.support.rpc.ProviderUnavailable;
import com.shop.support.tx.CoordinatorFailures;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Checkout, top-down: replay → admission → check → confirm in one global transaction
 * ({@link ConfirmOrder}) → schedule the order's payment timeout once that committed.
 *
 * <ul>
 *   <li>A replayed request id returns the order the first request made.</li>
 *   <li>{@link CheckoutAdmission} queues it behind the other checkouts of its goods, and sheds it
 *       with a 503 when the process is full or the caller's deadline passes in the queue; buyers
 *       queued for goods that turned out sold out are answered as soon as that is seen.</li>
 *   <li>The checks only read, so they run before the global transaction: a refused checkout (sold
 *       out, wrong price…) writes nothing and costs the TC nothing.</li>
 *   <li>Losing a Seata global-lock race (another checkout holds a row) is retried with a fresh
 *       global transaction — the lost one was rolled back whole — until the caller's deadline; so is
 *       a global transaction that could not begin (the TC the client picked is down: nothing ran).</li>
 *   <li>Running out of the global transaction's time is reported as such: every call it makes waits only
 *       as long as the transaction has left (support's {@code GlobalTransactionDeadline}).</li>
 * </ul>
 */
@Service
public class Checkout {

    private static final Logger log = LoggerFactory.getLogger(Checkout.class);
    private static final long SETTLE_POLL_MILLIS = 100;

    private final CheckoutChecks checks;
    private final ConfirmOrder confirmOrder;
    private final Orders orders;
    private final CheckoutAdmission admission;
    private final PaymentTimeouts paymentTimeouts;
    private final long globalTimeoutMillis;
    private final long deadlineMillis;

    public Checkout(CheckoutChecks checks, ConfirmOrder confirmOrder, Orders orders, CheckoutAdmission admission,
                    PaymentTimeouts paymentTimeouts,
                    @Value("#{T(com.shop.support.tx.SeataClientSettings).globalTransactionTimeoutMillis()}") long globalTimeoutMillis,
                    @Value("${shop.checkout.deadline-ms:8000}") long deadlineMillis) {
        this.checks = checks;
        this.confirmOrder = confirmOrder;
        this.orders = orders;
        this.admission = admission;
        this.paymentTimeouts = paymentTimeouts;
        this.globalTimeoutMillis = globalTimeoutMillis;
        this.deadlineMillis = deadlineMillis;
    }

    /** The outcome of a checkout: the order, and whether an earlier request with this id made it. */
    public record Placed(OrderRecord order, boolean replayed) {
    }

    public Placed place(PlaceOrder request) {
        Deadline deadline = Deadline.afterMillis(deadlineMillis);
        if (orders.findByRequestId(request.requestId()) != null) {
            return new Placed(awaitSettled(request.requestId()), true);
        }
        try (CheckoutAdmission.Visit visit = admission.arrive()) {
            for (int attempt = 1; ; attempt++) {
                try (CheckoutAdmission.Permit permit = visit.admit(request.goodsId(), request.goodsNumber(), deadline)) {
                    return confirm(check(request, permit));
                } catch (DuplicateRequest taken) {
                    // Outside the permit: waiting for the other request must not hold this goods' lane.
                    return new Placed(awaitSettled(request.requestId()), true);
                } catch (Retry retry) {
                    if (deadline.passed()) {
                        throw retry.failure;
                    }
                    log.info("Checkout {} {} (attempt {}), retrying", request.requestId(), retry.reason, attempt);
                    pause(Math.min(deadline.remainingMillis(),
                            Math.min(500, 20L * attempt) + ThreadLocalRandom.current().nextLong(50)));
                }
            }
        }
    }

    /**
     * The checks, once admitted (not before: a rush of buyers would otherwise flood the providers with
     * reads that queueing makes stale anyway). The stock read tells the lane how many buyers queued
     * behind can still buy; stock found short is news for them.
     */
    private PricedOrder check(PlaceOrder request, CheckoutAdmission.Permit permit) {
        try {
            return checks.check(request, permit::stockRead);
        } catch (StockShort shortOfStock) {
            permit.stockShort(shortOfStock.left());
            throw shortOfStock;
        }
    }

    /** One global transaction; its failure is classified for the caller (or for a retry). */
    private Placed confirm(PricedOrder order) {
        long started = System.currentTimeMillis();
        try {
            long orderId = confirmOrder.confirm(order);
            OrderRecord confirmed = orders.find(orderId);
            if (confirmed.getPayDeadline() != null) {
                // Committed: only now may anything act on the order.
                paymentTimeouts.schedule(confirmed);
            }
            return new Placed(confirmed, false);
        } catch (RuntimeException failure) {
            DuplicateRequest duplicate = Causes.find(failure, DuplicateRequest.class);
            if (duplicate != null) {
                throw duplicate;
            }
            if (CoordinatorFailures.neverBegan(failure)) {
                throw new Retry("could not begin its global transaction", failure);
            }
            if (ranOutOfTime(failure, started)) {
                throw new ShopException(ErrorCode.TRANSACTION_TIMEOUT, "The checkout did not finish within its "
                        + globalTimeoutMillis + " ms global-transaction timeout and was rolled back");
            }
            ShopException shop = Causes.find(failure, ShopException.class);
            if (shop != null && shop.code() == ErrorCode.CHECKOUT_BUSY) {
                throw new Retry("lost a global-lock race", failure);
            }
            throw failure;
        }
    }

    /**
     * The transaction's time ran out: a provider did not answer in the time it had left (each call gets only
     * that), or a step ran past the timeout. A provider seen to die is the cause to report instead, however
     * long it took.
     */
    private boolean ranOutOfTime(RuntimeException failure, long started) {
        ProviderUnavailable unavailable = Causes.find(failure, ProviderUnavailable.class);
        if (unavailable != null) {
            return unavailable.timedOut();
        }
        return System.currentTimeMillis() - started >= globalTimeoutMillis;
    }

    /**
     * A global transaction that left nothing behind and may simply be tried again: it lost a race for a row
     * another one held (and was rolled back whole), or it never began.
     */
    private static final class Retry extends RuntimeException {
        private final String reason;
        private final RuntimeException failure;

        private Retry(String reason, RuntimeException failure) {
            super(null, failure, false, false);
            this.reason = reason;
            this.failure = failure;
        }
    }

    /**
     * The order an earlier request with this id made, once that request finished. While it runs its
     * order row is there but unconfirmed; if it failed, the row is gone and so is any claim to it.
     */
    private OrderRecord awaitSettled(String requestId) {
        long deadline = System.currentTimeMillis() + globalTimeoutMillis + 5_000;
        while (true) {
            OrderRecord order = orders.findByRequestId(requestId);
            if (order == null) {
                throw new ShopException(ErrorCode.REQUEST_IN_PROGRESS,
                        "An earlier request with this requestId failed; nothing was kept, send it again");
            }
            if (order.getOrderStatus().isSettled()) {
                return order;
            }
            if (System.currentTimeMillis() > deadline) {
                throw new ShopException(ErrorCode.REQUEST_IN_PROGRESS, "An earlier request with this requestId is still running");
            }
            pause(SETTLE_POLL_MILLIS);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ShopException(ErrorCode.INTERNAL_ERROR, "Interrupted");
        }
    }
}
