package com.shop.pay.payment;

import com.shop.api.error.ErrorCode;
import com.shop.api.error.ShopException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How many payment callbacks run at once. At most {@code concurrent} run (each holds a database
 * connection for its transaction) and at most {@code maxWaiting} wait for a turn, first come first
 * served, each at most {@code queueWaitMillis}; any other is refused with
 * {@link ErrorCode#OVERLOADED} at once. The platform retries a refused callback, so refusing costs
 * nothing but a later attempt, while a flood that is queued instead takes the CPU the admitted
 * callbacks need, and every answer, refusals included, comes late.
 */
@Component
public class CallbackAdmission {

    private final Semaphore running;
    private final AtomicInteger waiting = new AtomicInteger();
    private final int maxWaiting;
    private final long queueWaitMillis;

    public CallbackAdmission(@Value("${shop.payment.callback.concurrent:8}") int concurrent,
                             @Value("${shop.payment.callback.max-waiting:16}") int maxWaiting,
                             @Value("${shop.payment.callback.queue-wait-ms:250}") long queueWaitMillis) {
        if (concurrent < 1 || maxWaiting < 0 || queueWaitMillis < 0) {
            throw new IllegalArgumentException("shop.payment.callback: concurrent must be at least 1, "
                    + "max-waiting and queue-wait-ms at least 0");
        }
        this.running = new Semaphore(concurrent, true);
        this.maxWaiting = maxWaiting;
        this.queueWaitMillis = queueWaitMillis;
    }

    /** A turn to process one callback, to be closed when it is done; or OVERLOADED. */
    public Turn admit() {
        try {
            // Timed even without a wait: the untimed tryAcquire would jump the queue of a fair semaphore.
            if (running.tryAcquire(0, TimeUnit.MILLISECONDS)) {
                return new Turn();
            }
            if (waiting.incrementAndGet() > maxWaiting) {
                waiting.decrementAndGet();
                throw overloaded("Too many payment callbacks waiting; retry shortly");
            }
            try {
                if (!running.tryAcquire(queueWaitMillis, TimeUnit.MILLISECONDS)) {
                    throw overloaded("Too many payment callbacks at once; retry shortly");
                }
                return new Turn();
            } finally {
                waiting.decrementAndGet();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw overloaded("Interrupted while waiting to process the callback");
        }
    }

    /** Callbacks waiting for a turn right now. */
    public int waiting() {
        return waiting.get();
    }

    private static ShopException overloaded(String message) {
        return new ShopException(ErrorCode.OVERLOADED, message);
    }

    /** Held while one callback is processed. */
    public final class Turn implements AutoCloseable {

        private boolean closed;

        private Turn() {
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                running.release();
            }
        }
    }
}
