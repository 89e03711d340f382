package com.shop.support.tx;

import java.util.function.Supplier;
import org.apache.seata.core.context.RootContext;
import org.apache.seata.core.model.GlobalLockConfig;
import org.apache.seata.rm.GlobalLockExecutor;
import org.apache.seata.rm.GlobalLockTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one way a service writes, in a local transaction of its own, rows that Seata AT global
 * transactions also write (a payment callback, a message consumer): under Seata's global-lock check,
 * the programmatic form of {@code @GlobalLock}.
 *
 * <p>A plain local write to a row an unfinished global transaction holds would make that
 * transaction's rollback find "dirty" data and stall with its locks held
 * (docs/stack-traps.md#14-dirty-writes-under-at). Under the check every {@code SELECT … FOR UPDATE}
 * asks the TC whether the row is globally locked and waits while it is (the client's
 * {@code client.rm.lock.*} retry settings in SEATA_GROUP/seataClient.properties), then fails with a lock conflict.
 *
 * <p>The pattern: lock the rows with {@code SELECT … FOR UPDATE} (checked), then write them through
 * {@link #unchecked} as plain SQL. Holding the database row lock after the TC said no global
 * transaction holds the row, no global transaction can write it before this commit, so checking the
 * writes again (another round trip to the TC each, plus Seata's before and after images) buys
 * nothing. A write left checked is still correct, only dearer.
 *
 * <p>The check asks a TC; when the one the client picked is down (killed, not yet dropped from the
 * registry) the whole local transaction rolled back, so it runs again, a few times, and the client
 * picks again: a TC dying must not fail a payment callback while another TC serves.
 *
 * <p>The flag is bound before the transaction begins, not inside it: Seata's data-source proxy hands
 * out a checking connection only if the flag is already set when the connection is taken
 * (docs/stack-traps.md#20-the-global-lock-flag-must-precede-the-connection).
 */
public class LocalWrites {

    private static final Logger log = LoggerFactory.getLogger(LocalWrites.class);

    /** Tries of a local transaction whose global-lock check could not reach a TC, and the pause between them. */
    private static final int COORDINATOR_TRIES = 4;
    private static final long COORDINATOR_PAUSE_MILLIS = 200;

    private final TransactionTemplate transactions;
    private final GlobalLockTemplate globalLocks = new GlobalLockTemplate();

    public LocalWrites(TransactionTemplate transactions) {
        this.transactions = transactions;
    }

    /**
     * Runs {@code work} in one local transaction under the global-lock check; its result or its failure.
     * Run again (whole, it rolled back) when the check could not reach a TC, up to {@link #COORDINATOR_TRIES}.
     */
    public <T> T underGlobalLock(Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return once(work);
            } catch (RuntimeException failure) {
                if (attempt >= COORDINATOR_TRIES || !CoordinatorFailures.unreachable(failure)) {
                    throw failure;
                }
                log.warn("The global-lock check could not reach a TC (attempt {}), trying again: {}", attempt,
                        failure.toString());
                pause();
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(COORDINATOR_PAUSE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a TC", e);
        }
    }

    private <T> T once(Supplier<T> work) {
        try {
            return cast(globalLocks.execute(new GlobalLockExecutor() {
                @Override
                public Object execute() {
                    return transactions.execute(status -> work.get());
                }

                @Override
                public GlobalLockConfig getGlobalLockConfig() {
                    return null; // the client's client.rm.lock.* settings
                }
            }));
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Inside {@link #underGlobalLock}: runs statements as plain SQL in the same transaction, without
     * asking the TC: writes to rows this transaction locked {@code FOR UPDATE} under the check, and
     * rows no global transaction ever writes (bookkeeping, logs, the outbox).
     */
    public static <T> T unchecked(Supplier<T> work) {
        boolean checking = RootContext.requireGlobalLock();
        if (checking) {
            RootContext.unbindGlobalLockFlag();
        }
        try {
            return work.get();
        } finally {
            if (checking) {
                RootContext.bindGlobalLockFlag();
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object result) {
        return (T) result;
    }
}
