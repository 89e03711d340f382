package com.shop.seata;

import static org.assertj.core.api.Assertions.assertThat;

import io.seata.core.store.db.sql.log.LogStoreSqls;
import io.seata.core.store.db.sql.log.LogStoreSqlsFactory;
import org.junit.jupiter.api.Test;

/** The TC's store, configured with {@code store.db.dbType=mysql}, reads branches newest first. */
class NewestFirstBranchOrderLogStoreSqlsTest {

    private final LogStoreSqls sqls = LogStoreSqlsFactory.getLogStoreSqls("mysql");

    @Test
    void theMysqlStoreSqlIsOurs() {
        assertThat(sqls).isInstanceOf(NewestFirstBranchOrderLogStoreSqls.class);
    }

    @Test
    void oneTransactionsBranchesAreReadNewestFirst() {
        assertThat(sqls.getQueryBranchTransaction("branch_table"))
                .startsWith("select xid, transaction_id, branch_id,")
                .contains(" from branch_table where xid = ?")
                .endsWith(" order by gmt_create desc, branch_id desc");
    }

    @Test
    void severalTransactionsBranchesAreReadNewestFirst() {
        assertThat(sqls.getQueryBranchTransaction("branch_table", "?,?"))
                .contains(" from branch_table where xid in (?,?)")
                .endsWith(" order by gmt_create desc, branch_id desc");
    }

    @Test
    void everythingElseIsSeatasMysqlSql() {
        assertThat(sqls.getInsertBranchTransactionSQL("branch_table")).contains("now(6)");
    }
}
