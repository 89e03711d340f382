package com.shop.support.tx;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.apache.seata.common.exception.FrameworkException;
import org.apache.seata.core.exception.RmTransactionException;
import org.apache.seata.core.exception.TransactionExceptionCode;
import org.junit.jupiter.api.Test;

class CoordinatorFailuresTest {

    /** The chain a payment callback's global-lock check produced when the TC it asked had been killed. */
    @Test
    void aLockCheckThatCouldNotReachTheTcIsRecognisedUnderItsWrappers() {
        FrameworkException connect = thrownAt(new FrameworkException("can not register RM,err:can not connect to services-server."),
                "org.apache.seata.core.rpc.netty.NettyClientChannelManager");
        RuntimeException unreachable = thrownAt(new RuntimeException("127.0.0.1:8091 is unreachable", connect),
                "org.apache.seata.core.rpc.netty.AbstractNettyRemotingClient$MergedSendRunnable");
        RmTransactionException rm = new RmTransactionException(TransactionExceptionCode.Unknown, "Runtime",
                new RuntimeException(unreachable));
        RuntimeException seen = new IllegalStateException("uncategorized SQLException", new SQLException(rm));

        assertThat(CoordinatorFailures.unreachable(seen)).isTrue();
    }

    @Test
    void aTimeoutWaitingForTheTcsAnswerCounts() {
        assertThat(CoordinatorFailures.unreachable(new RuntimeException(thrownAt(
                new java.util.concurrent.TimeoutException("cost 15000 ms"), "org.apache.seata.core.protocol.MessageFuture"))))
                .isTrue();
    }

    @Test
    void otherFailuresDoNot() {
        assertThat(CoordinatorFailures.unreachable(new IllegalStateException("boom", new SQLException("Deadlock")))).isFalse();
        assertThat(CoordinatorFailures.unreachable(thrownAt(new FrameworkException("undo log"),
                "org.apache.seata.rm.datasource.undo.AbstractUndoLogManager"))).isFalse();
    }

    @Test
    void aFailureThrownWithinTheBeginOfAGlobalTransactionMeansItNeverBegan() {
        FrameworkException connect = new FrameworkException("can not register RM,err:can not connect to services-server.");
        connect.setStackTrace(new StackTraceElement[] {
                new StackTraceElement("org.apache.seata.core.rpc.netty.NettyClientChannelManager", "doConnect", "N.java", 313),
                new StackTraceElement("org.apache.seata.tm.DefaultTransactionManager", "begin", "D.java", 53),
                new StackTraceElement("org.apache.seata.tm.api.TransactionalTemplate", "beginTransaction", "T.java", 314),
                new StackTraceElement("org.apache.seata.tm.api.TransactionalTemplate", "execute", "T.java", 125)});
        assertThat(CoordinatorFailures.neverBegan(new IllegalStateException("wrapped", connect))).isTrue();
        assertThat(CoordinatorFailures.unreachable(connect)).isTrue();
    }

    @Test
    void aFailureAfterTheBeginIsNot() {
        RuntimeException branch = thrownAt(new RuntimeException("deadlock"), "org.apache.seata.tm.api.TransactionalTemplate");
        assertThat(CoordinatorFailures.neverBegan(branch)).isFalse();
    }

    private static <T extends Throwable> T thrownAt(T failure, String className) {
        failure.setStackTrace(new StackTraceElement[] {new StackTraceElement(className, "send", "X.java", 1)});
        return failure;
    }
}
