package com.shop.support.tx;

import org.apache.seata.common.ConfigurationKeys;
import org.apache.seata.common.DefaultValues;
import org.apache.seata.config.ConfigurationFactory;
import org.apache.seata.spring.annotation.GlobalTransactional;

/**
 * The Seata client's settings our own code needs as well, read from where the client reads them: its
 * configuration center, Nacos's {@code SEATA_GROUP/seataClient.properties} (not the Spring environment), so
 * both sides always see the same value. Call it once Spring has created Seata's beans (from any ordinary bean).
 */
public final class SeataClientSettings {

    private SeataClientSettings() {
    }

    /** How long a global transaction may run before the TC rolls it back ({@code client.tm.defaultGlobalTransactionTimeout}). */
    public static long globalTransactionTimeoutMillis() {
        return ConfigurationFactory.getInstance().getInt(ConfigurationKeys.DEFAULT_GLOBAL_TRANSACTION_TIMEOUT,
                DefaultValues.DEFAULT_GLOBAL_TRANSACTION_TIMEOUT);
    }

    /** Seata's rule for one transaction: the annotation's timeout unless it is left at its default, then the client's default. */
    public static long timeoutMillis(GlobalTransactional transaction, long defaultTimeoutMillis) {
        int own = transaction.timeoutMills();
        return own <= 0 || own == DefaultValues.DEFAULT_GLOBAL_TRANSACTION_TIMEOUT ? defaultTimeoutMillis : own;
    }
}
