package com.shop.load;

import com.shop.stack.NacosOpenApi;
import java.io.IOException;

/**
 * Turns the services' global transactions off and on by configuration only, for the A/B
 * comparison: the same code and the same stack, with Seata's
 * {@code seata.service.disable-global-transaction} published in the configuration all services
 * share. For measuring what AT costs — never for production, where a checkout without its global
 * transaction is no longer atomic. Closing it publishes the configuration as it found it.
 */
final class GlobalTransactionSwitch implements AutoCloseable {

    static final String GROUP = "DEFAULT_GROUP";
    static final String DATA_ID = "shop-common.yaml";
    private static final String OFF_KEY = "seata.service.disable-global-transaction";

    private final NacosOpenApi nacos;
    private final String original;
    private boolean off;

    GlobalTransactionSwitch(NacosOpenApi nacos) throws IOException, InterruptedException {
        this.nacos = nacos;
        this.original = nacos.readConfig(GROUP, DATA_ID);
        if (original == null || original.isBlank()) {
            throw new IllegalStateException(GROUP + "/" + DATA_ID + " is not in Nacos: is the stack running (./shop.sh)?");
        }
        if (original.contains(OFF_KEY)) {
            throw new IllegalStateException(DATA_ID + " in Nacos already names " + OFF_KEY
                    + ": an earlier load run did not restore it; republish it (restart ./shop.sh)");
        }
    }

    void turn(boolean globalTransactions) throws IOException, InterruptedException {
        nacos.publishConfig(GROUP, DATA_ID, globalTransactions ? original : withGlobalTransactionsOff(original));
        off = !globalTransactions;
    }

    static String withGlobalTransactionsOff(String content) {
        return content + (content.endsWith("\n") ? "" : "\n")
                + "# Published by ./load.sh for an A/B round, and taken back after it: never in production.\n"
                + OFF_KEY + ": true\n";
    }

    @Override
    public void close() throws IOException, InterruptedException {
        if (off) {
            turn(true);
        }
    }
}
