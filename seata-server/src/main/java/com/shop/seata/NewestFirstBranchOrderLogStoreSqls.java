package com.shop.seata;

import io.seata.common.loader.LoadLevel;
import io.seata.core.store.db.sql.log.MysqlLogStoreSqls;

/**
 * Seata's MySQL store SQL, but reading a global transaction's branches newest first, so that the TC
 * rolls them back in reverse registration order.
 *
 * <p>Seata 2.0.0's {@code DefaultCore.doGlobalRollback} walks {@code GlobalSession.getSortedBranches()},
 * which is the order the store read them in: oldest first (1.x walked them in reverse; upstream issues
 * 6120 and 7980, fixed in TCs that are not on Maven Central). Undo is only safe in reverse: when two
 * branches of one transaction wrote the same row (checkout inserts the order, later confirms it), undoing
 * the older first finds the row as the newer left it, reports a dirty undo log, and leaves the global
 * transaction {@code RollbackFailed} with its global locks held for good. Reading newest first makes
 * every rollback path — the TM's rollback, timeout rollback, retried rollback after a TC restart — undo
 * the newest branch first. Commit order does not matter in AT mode (phase two only deletes undo logs).
 *
 * <p>Replaces Seata's (same SPI name {@code mysql}, higher order), so {@code store.db.dbType=mysql} stays
 * as documented. {@code gmt_create} has microseconds ({@code now(6)}); the branch id, handed out in
 * increasing order by the TC, breaks ties.
 */
@LoadLevel(name = "mysql", order = 100)
public class NewestFirstBranchOrderLogStoreSqls extends MysqlLogStoreSqls {

    private static final String BRANCH_COLUMNS = "xid, transaction_id, branch_id, resource_group_id, resource_id, "
            + "branch_type, status, client_id, application_data, gmt_create, gmt_modified";
    static final String NEWEST_FIRST = " order by gmt_create desc, branch_id desc";

    @Override
    public String getQueryBranchTransaction(String branchTable) {
        return "select " + BRANCH_COLUMNS + " from " + branchTable + " where xid = ?" + NEWEST_FIRST;
    }

    @Override
    public String getQueryBranchTransaction(String branchTable, String paramsPlaceHolder) {
        return "select " + BRANCH_COLUMNS + " from " + branchTable + " where xid in (" + paramsPlaceHolder + ")"
                + NEWEST_FIRST;
    }
}
