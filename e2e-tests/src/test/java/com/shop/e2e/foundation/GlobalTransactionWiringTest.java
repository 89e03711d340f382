package com.shop.e2e.foundation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.shop.e2e.harness.Databases;
import com.shop.e2e.harness.Shop;
import com.shop.e2e.harness.StackExtension;
import com.shop.stack.Components;
import com.shop.stack.Http;
import com.shop.stack.Stack;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Dubbo carries calls and the XID from order-app to every provider; Seata AT commits or undoes all five. */
@ExtendWith(StackExtension.class)
class GlobalTransactionWiringTest {

    private static final String PROBE = Shop.actuator(Components.ORDER, "atprobe");

    @Test
    void orderAppReachesEveryProviderOverDubbo() {
        Http.Response ping = Http.get(PROBE);
        assertThat(ping.status()).as(ping.body()).isEqualTo(200);
        JsonNode replies = ping.json();
        for (String service : Components.SERVICES) {
            assertThat(replies.path(service).path("database").asText())
                    .as("%s answered from its own database", service).isEqualTo(Components.database(service));
        }
    }

    @Test
    void aGlobalTransactionAcrossAllFiveDatabasesCommitsAndLeavesNoUndoLog(Stack stack, Shop shop) {
        Databases db = new Databases(stack.settings());
        Http.Response run = shop.operatorPost(PROBE, "{}");
        assertThat(run.status()).as(run.body()).isEqualTo(200);
        JsonNode outcome = run.json();
        assertThat(outcome.path("outcome").asText()).isEqualTo("COMMITTED");
        String xid = outcome.path("xid").asText();
        assertThat(xid).as("XID of the probe").contains(":");
        long probeId = Long.parseLong(outcome.path("probeId").asText());
        assertThat(outcome.path("branches")).hasSize(5);
        for (JsonNode branch : outcome.path("branches")) {
            assertThat(branch.path("xid").asText()).as("XID seen by %s", branch.path("application")).isEqualTo(xid);
        }

        for (String database : Components.SERVICE_DATABASES) {
            assertThat(db.count(database, "SELECT COUNT(*) FROM seata_probe WHERE probe_id = ? AND xid = ?", probeId, xid))
                    .as("probe row committed in %s", database).isEqualTo(1);
        }
        awaitUndoLogsEmpty(db);
    }

    @Test
    void aGlobalTransactionThatThrowsAfterEveryBranchWroteLeavesEveryDatabaseUnchanged(Stack stack, Shop shop) {
        Databases db = new Databases(stack.settings());
        Map<String, Long> before = probeRowCounts(db);

        Http.Response run = shop.operatorPost(PROBE, "{\"fail\": true}");
        assertThat(run.status()).as(run.body()).isEqualTo(200);
        JsonNode outcome = run.json();
        assertThat(outcome.path("outcome").asText()).isEqualTo("ROLLED_BACK");
        long probeId = Long.parseLong(outcome.path("probeId").asText());

        for (String database : Components.SERVICE_DATABASES) {
            assertThat(db.count(database, "SELECT COUNT(*) FROM seata_probe WHERE probe_id = ?", probeId))
                    .as("probe row of the rolled-back transaction in %s", database).isZero();
        }
        assertThat(probeRowCounts(db)).as("probe rows per database").isEqualTo(before);
        awaitUndoLogsEmpty(db);
    }

    private static Map<String, Long> probeRowCounts(Databases db) {
        return Components.SERVICE_DATABASES.stream().collect(java.util.stream.Collectors.toMap(d -> d,
                d -> db.count(d, "SELECT COUNT(*) FROM seata_probe")));
    }

    /** Phase two deletes undo rows asynchronously: they must drain, not merely shrink. */
    private static void awaitUndoLogsEmpty(Databases db) {
        for (String database : Components.SERVICE_DATABASES) {
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
                    .untilAsserted(() -> assertThat(db.undoLogRows(database)).as("undo_log rows in %s", database).isZero());
        }
    }
}
