package com.shop.order.checkout;

import com.shop.api.error.ErrorCode;
import com.shop.api.error.ShopException;
import com.shop.order.db.OrderRecord;
import com.shop.support.Causes;
import org.apache.dubbo.rpc.RpcException;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * Checkout, top-down: replay → check → confirm in one global transaction ({@link ConfirmOrder}).
 * A replayed request id returns the order the first request made. The checks only read, so they
 * run before the global transaction: a refused checkout writes nothing and costs the TC nothing.
 * Losing a Seata global-lock race to another checkout is retried from the checks with a fresh
 * global transaction (the lost one was rolled back whole); running past the global-transaction
 * timeout is reported as such.
 */
@Service
public class Checkout {

    private static final Logger log = LoggerFactory.getLogger(Checkout.class);
    private static final long SETTLE_POLL_MILLIS = 100;

    private final CheckoutChecks checks;
    private final ConfirmOrder confirmOrder;
    private final Orders orders;
    private final long globalTimeoutMillis;
    private final long busyRetryBudgetMillis;

    public Checkout(CheckoutChecks checks, ConfirmOrder confirmOrder, Orders orders,
                    @Value("${seata.client.tm.default-global-transaction-timeout:60000}") long globalTimeoutMillis,
                    @Value("${shop.checkout.busy-retry-budget-ms:20000}") long busyRetryBudgetMillis) {
        this.checks = checks;
        this.confirmOrder = confirmOrder;
        this.orders = orders;
        this.globalTimeoutMillis = globalTimeoutMillis;
        this.busyRetryBudgetMillis = busyRetryBudgetMillis;
    }

    /** The outcome of a checkout: the order, and whether an earlier request with this id made it. */
    public record Placed(OrderRecord order, boolean replayed) {
    }

    public Placed place(PlaceOrder request) {
        OrderRecord earlier = orders.findByRequestId(request.requestId());
        if (earlier != null) {
            return new Placed(awaitSettled(request.requestId()), true);
        }
        long started = System.currentTimeMillis();
        for (int attempt = 1; ; attempt++) {
            long attemptStarted = System.currentTimeMillis();
            PricedOrder order = checks.check(request);
            try {
                long orderId = confirmOrder.confirm(order);
                return new Placed(orders.find(orderId), false);
            } catch (RuntimeException failure) {
                if (isDuplicateRequestId(failure)) {
                    return new Placed(awaitSettled(request.requestId()), true);
                }
                // A provider that died or stopped answering is the cause to report, however long it took.
                if (!Causes.has(failure, RpcException.class)
                        && System.currentTimeMillis() - attemptStarted >= globalTimeoutMillis) {
                    throw new ShopException(ErrorCode.TRANSACTION_TIMEOUT, "The checkout ran past the "
                            + globalTimeoutMillis + " ms global-transaction timeout and was rolled back");
                }
                ShopException shop = Causes.find(failure, ShopException.class);
                boolean busy = shop != null && shop.code() == ErrorCode.CHECKOUT_BUSY;
                if (!busy || System.currentTimeMillis() - started > busyRetryBudgetMillis) {
                    throw failure;
                }
                log.info("Checkout {} lost a global-lock race (attempt {}), retrying", request.requestId(), attempt);
                pause(Math.min(500, 20L * attempt) + ThreadLocalRandom.current().nextLong(50));
            }
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
            if (order.getOrderStatus() != Orders.UNCONFIRMED) {
                return order;
            }
            if (System.currentTimeMillis() > deadline) {
                throw new ShopException(ErrorCode.REQUEST_IN_PROGRESS, "An earlier request with this requestId is still running");
            }
            pause(SETTLE_POLL_MILLIS);
        }
    }

    private static boolean isDuplicateRequestId(Throwable failure) {
        DuplicateKeyException duplicate = Causes.find(failure, DuplicateKeyException.class);
        return duplicate != null && String.valueOf(duplicate.getMessage()).contains("uk_request_id");
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
