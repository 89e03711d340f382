package com.shop.support.tx;

import com.shop.support.Causes;

/**
 * What a failure says about the Seata TC, read from where it was thrown. Seata raises these as plain
 * RuntimeExceptions and FrameworkExceptions with loose codes, wrapped by the RM in a "Runtime"
 * RmTransactionException and by JDBC and MyBatis again, and rethrows a failed begin as it is: by type
 * they look like any other failure, by the code that threw them they do not.
 */
public final class CoordinatorFailures {

    private static final String RPC_CLIENT = "org.apache.seata.core.rpc.";
    private static final String REQUEST_FUTURE = "org.apache.seata.core.protocol.MessageFuture";
    private static final String TEMPLATE = "org.apache.seata.tm.api.TransactionalTemplate";
    private static final String BEGIN = "beginTransaction";

    private CoordinatorFailures() {
    }

    /**
     * The TC the client picked could not be reached: down (killed, restarting, not yet dropped from the
     * registry) or silent past the request timeout. True if anything in the cause chain was thrown by
     * Seata's RPC client or while waiting for its answer.
     */
    public static boolean unreachable(Throwable failure) {
        return Causes.first(failure, t -> t.getStackTrace().length > 0
                && (t.getStackTrace()[0].getClassName().startsWith(RPC_CLIENT)
                || t.getStackTrace()[0].getClassName().equals(REQUEST_FUTURE))) != null;
    }

    /**
     * The global transaction failed in its begin: no TC took it, nothing ran, nothing was written, so it
     * may be tried again at once (the client then picks a TC again). True if anything in the cause chain
     * was thrown from within Seata's begin.
     */
    public static boolean neverBegan(Throwable failure) {
        return Causes.first(failure, t -> {
            for (StackTraceElement frame : t.getStackTrace()) {
                if (frame.getClassName().equals(TEMPLATE) && frame.getMethodName().equals(BEGIN)) {
                    return true;
                }
            }
            return false;
        }) != null;
    }
}
