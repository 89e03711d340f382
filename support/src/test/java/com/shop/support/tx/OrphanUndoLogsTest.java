package com.shop.support.tx;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.seata.core.model.GlobalStatus;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

class OrphanUndoLogsTest {

    /** The undo_log table as the sweep sees it: XIDs old enough to ask about; deletions recorded. */
    private static final class UndoLogTable extends JdbcTemplate {
        private final List<String> oldXids;
        private final List<String> deleted = new ArrayList<>();

        UndoLogTable(String... oldXids) {
            this.oldXids = List.of(oldXids);
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> List<T> queryForList(String sql, Class<T> type, Object... args) {
            return (List<T>) oldXids;
        }

        @Override
        public int update(String sql, Object... args) {
            deleted.add((String) args[0]);
            return 1;
        }
    }

    @Test
    void onlyTheRowsOfTransactionsTheTcCallsOverAreDeleted() {
        UndoLogTable table = new UndoLogTable("finished", "committed", "rolling-back", "async-committing", "unreachable");
        Map<String, GlobalStatus> tc = Map.of("finished", GlobalStatus.Finished, "committed", GlobalStatus.Committed,
                "rolling-back", GlobalStatus.TimeoutRollbackRetrying, "async-committing", GlobalStatus.AsyncCommitting);
        OrphanUndoLogs sweep = new OrphanUndoLogs(table, xid -> {
            if (!tc.containsKey(xid)) {
                throw new IllegalStateException("127.0.0.1:8091 is unreachable");
            }
            return tc.get(xid);
        }, new SimpleMeterRegistry(), Duration.ofSeconds(60), Duration.ofSeconds(20));

        assertThat(sweep.sweep()).isEqualTo(2);
        assertThat(table.deleted).containsExactly("finished", "committed");
    }

    @Test
    void aTransactionStillRunningOrUnknownKeepsItsRows() {
        assertThat(OrphanUndoLogs.over(GlobalStatus.Begin)).isFalse();
        assertThat(OrphanUndoLogs.over(GlobalStatus.Rollbacking)).isFalse();
        assertThat(OrphanUndoLogs.over(GlobalStatus.UnKnown)).isFalse();
        assertThat(OrphanUndoLogs.over(GlobalStatus.Finished)).isTrue();
    }
}
