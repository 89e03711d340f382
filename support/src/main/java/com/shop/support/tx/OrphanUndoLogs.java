package com.shop.support.tx;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.seata.core.model.GlobalStatus;
import org.apache.seata.tm.api.GlobalTransactionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Deletes the undo-log rows of finished global transactions that a crash left behind.
 *
 * <p>A participant deletes a committed branch's undo-log row asynchronously, about a second after the
 * TC's phase two reached it; killed in that second it has acknowledged the commit, the TC forgets the
 * transaction, and the row stays: nothing replays a lost deletion, and Seata's own cleaner waits 7 days
 * (docs/stack-traps.md#24-a-crash-right-after-a-commit-leaves-its-undo-log). Under traffic, every crash of
 * a participant leaves some. Every {@code sweepEvery}, rows older than {@code minimumAge} are looked up
 * in the TC by XID, and those whose transaction it reports finished (no session left: db store) or
 * committed are deleted. The age is well past the global timeout, so a live transaction is never asked
 * about; one the TC still rolls back or commits has a session and keeps its rows; a TC that cannot be
 * reached keeps them too, until a later sweep.
 */
public class OrphanUndoLogs implements ApplicationListener<ApplicationReadyEvent>, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(OrphanUndoLogs.class);
    private static final Set<GlobalStatus> OVER = Set.of(GlobalStatus.Finished, GlobalStatus.Committed);
    private static final int BATCH = 100;

    /** The TC's answer for one XID: its status, as {@code GlobalTransactionContext.reload(xid).getStatus()} gives it. */
    @FunctionalInterface
    public interface StatusLookup {
        GlobalStatus statusOf(String xid) throws Exception;
    }

    private final JdbcTemplate jdbc;
    private final StatusLookup tc;
    private final Duration minimumAge;
    private final Duration sweepEvery;
    private final Counter deleted;
    private ScheduledExecutorService sweeper;

    public OrphanUndoLogs(JdbcTemplate jdbc, StatusLookup tc, MeterRegistry metrics, Duration minimumAge,
                          Duration sweepEvery) {
        this.jdbc = jdbc;
        this.tc = tc;
        this.minimumAge = minimumAge;
        this.sweepEvery = sweepEvery;
        this.deleted = Counter.builder("shop.undo.orphans.deleted")
                .description("Undo-log rows of finished global transactions deleted after a crash left them").register(metrics);
    }

    /** The lookup a running service uses: a status request to the TC. */
    public static StatusLookup askingTheTc() {
        return xid -> GlobalTransactionContext.reload(xid).getStatus();
    }

    /** Whether the TC's answer means the transaction is over for good and its undo log is of no use. */
    static boolean over(GlobalStatus status) {
        return OVER.contains(status);
    }

    /** One sweep: how many rows it deleted. */
    public int sweep() {
        // The database's clock, which also stamped log_created.
        List<String> xids = jdbc.queryForList("SELECT DISTINCT xid FROM undo_log WHERE log_created < NOW(6) - INTERVAL ? "
                + "SECOND LIMIT " + BATCH, String.class, minimumAge.toSeconds());
        int removed = 0;
        for (String xid : xids) {
            GlobalStatus status;
            try {
                status = tc.statusOf(xid);
            } catch (Exception unreachable) {
                log.info("Could not ask the TC about undo log {}: {}; asking again later", xid, unreachable.toString());
                continue;
            }
            if (over(status)) {
                int rows = jdbc.update("DELETE FROM undo_log WHERE xid = ?", xid);
                log.warn("Deleted {} undo-log row(s) of global transaction {}, {} in the TC: left by a crash", rows, xid,
                        status);
                removed += rows;
            }
        }
        deleted.increment(removed);
        return removed;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent ready) {
        if (sweeper != null) {
            return;
        }
        sweeper = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "orphan-undo-logs");
            thread.setDaemon(true);
            return thread;
        });
        sweeper.scheduleWithFixedDelay(() -> {
            try {
                sweep();
            } catch (RuntimeException e) {
                log.warn("Sweeping orphan undo logs failed: {}", e.toString());
            }
        }, sweepEvery.toMillis(), sweepEvery.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void destroy() {
        if (sweeper != null) {
            sweeper.shutdownNow();
        }
    }
}
