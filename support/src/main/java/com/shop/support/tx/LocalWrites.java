package com.shop.support.tx;

import java.util.function.Supplier;
import org.apache.seata.core.model.GlobalLockConfig;
import org.apache.seata.rm.GlobalLockExecutor;
import org.apache.seata.rm.GlobalLockTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one way a service writes, in a local transaction of its own, rows that Seata AT global
 * transactions also write (a payment callback, a message consumer): under Seata's global-lock check.
 *
 * <p>A plain local write to a row an unfinished global transaction holds would make that
 * transaction's rollback find "dirty" data and stall with its locks held
 * (docs/stack-traps.md#10-local-writes-beside-at). Under the check every {@code SELECT … FOR UPDATE}
 * asks the TC whether the row is globally locked and waits while it is (the client's
 * {@code seata.client.rm.lock} retry settings), then fails with a lock conflict; the commit re-checks
 * every row written. So: read the row {@code FOR UPDATE}, then write it.
 */
public class LocalWrites {

    private final TransactionTemplate transactions;
    private final GlobalLockTemplate globalLocks = new GlobalLockTemplate();

    public LocalWrites(TransactionTemplate transactions) {
        this.transactions = transactions;
    }

    /** Runs {@code work} in one local transaction, every statement of it under the global-lock check. */
    public <T> T underGlobalLock(Supplier<T> work) {
        return transactions.execute(status -> checked(work));
    }

    /**
     * Runs {@code work} under the global-lock check inside the caller's local transaction: for a
     * transaction whose other statements touch only rows no global transaction writes (bookkeeping),
     * which then skip the TC. The commit still checks the rows {@code work} wrote.
     */
    public <T> T checked(Supplier<T> work) {
        try {
            return cast(globalLocks.execute(new GlobalLockExecutor() {
                @Override
                public Object execute() {
                    return work.get();
                }

                @Override
                public GlobalLockConfig getGlobalLockConfig() {
                    return null; // the client's seata.client.rm.lock settings
                }
            }));
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object result) {
        return (T) result;
    }
}
