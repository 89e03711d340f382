package com.shop.stack;

import java.io.IOException;

/**
 * Turns the services' global transactions off and on by configuration only, for the A/B comparison of
 * {@code ./load.sh checkout}: the same code and the same stack, with Seata's
 * {@code service.disableGlobalTransaction} published in the Seata client's own configuration data id
 * ({@value #DATA_ID}, group {@value #GROUP}), which Nacos pushes to Seata's listeners in every service
 * (docs/stack-traps.md#25 for why not through Spring's refresh). For measuring what AT costs — never for
 * production, where a checkout without its global transaction is no longer atomic. Closing it publishes the
 * data id as it found it.
 */
public final class GlobalTransactionSwitch implements AutoCloseable {

    public static final String GROUP = "SEATA_GROUP";
    public static final String DATA_ID = "seataClient.properties";
    static final String ON_LINE = "service.disableGlobalTransaction=false";
    static final String OFF_LINE = "service.disableGlobalTransaction=true";

    private final NacosOpenApi nacos;
    private final String original;
    private boolean off;

    public GlobalTransactionSwitch(NacosOpenApi nacos) throws IOException {
        this.nacos = nacos;
        this.original = nacos.readConfig(GROUP, DATA_ID);
        if (original == null || original.isBlank()) {
            throw new IllegalStateException(GROUP + "/" + DATA_ID + " is not in Nacos: is the stack running (./shop.sh)?");
        }
        if (!original.lines().map(String::strip).toList().contains(ON_LINE)) {
            throw new IllegalStateException(DATA_ID + " in Nacos does not say " + ON_LINE
                    + ": an earlier run did not restore it, or it was changed by hand; restart ./shop.sh to republish it");
        }
    }

    /** Publishes the change; the services see it within moments (wait on their answers, not on time). */
    public void turn(boolean globalTransactions) throws IOException {
        nacos.publishConfig(GROUP, DATA_ID, globalTransactions ? original : withGlobalTransactionsOff(original));
        off = !globalTransactions;
    }

    static String withGlobalTransactionsOff(String content) {
        return content.replace(ON_LINE, OFF_LINE);
    }

    @Override
    public void close() throws IOException {
        if (off) {
            turn(true);
        }
    }
}
