package com.shop.seata;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

import io.seata.common.util.ConfigTools;
import io.seata.config.Configuration;
import io.seata.config.ConfigurationFactory;
import io.seata.server.store.StoreConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Refuses to start a TC that could only run half-broken, so that a supervisor restarts it instead of
 * trusting a TC that is up, registered in Nacos, and useless. Runs before Seata's own initializer, i.e.
 * before any port is bound or anything is registered.
 *
 * <ol>
 *   <li><b>Configuration center answered nothing.</b> With {@code seata.config.type=nacos}, Seata 2.0.0
 *       reads {@code store.mode} from the data id {@code seataServer.properties}. When Nacos is unreachable
 *       or the data id was never published, Seata logs an error and silently falls back to
 *       {@code store.mode=file}. Skipped for {@code seata.config.type=file} and when the environment
 *       variable {@code STORE_MODE} or the system property {@code store.mode} decides (both honoured by
 *       Seata).</li>
 *   <li><b>Store database unusable.</b> With session or lock mode {@code db}, Seata starts, registers and
 *       then fails every request and recovery run while the database is down or lacks the schema
 *       ({@code sql/seata/V1__schema.sql}). Waits up to {@code shop.seata.db-wait-seconds} (default 30)
 *       for the four tables to answer, then fails the start.</li>
 * </ol>
 */
public class StartupGuard implements ApplicationContextInitializer<ConfigurableApplicationContext>, Ordered {

    private static final Logger LOGGER = LoggerFactory.getLogger(StartupGuard.class);

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment env = context.getEnvironment();
        Configuration config = ConfigurationFactory.getInstance();
        checkConfigCenter(env, config);
        if (StoreConfig.getSessionMode() == StoreConfig.SessionMode.DB
            || StoreConfig.getLockMode() == StoreConfig.LockMode.DB) {
            checkStoreDatabase(config, env.getProperty("shop.seata.db-wait-seconds", Integer.class, 30));
        }
    }

    private static void checkConfigCenter(ConfigurableEnvironment env, Configuration config) {
        String type = env.getProperty("seata.config.type", "file");
        if ("file".equalsIgnoreCase(type.trim())) {
            return;
        }
        String storeModeEnv = System.getenv("STORE_MODE");
        if (storeModeEnv != null && !storeModeEnv.isBlank()) {
            return;
        }
        String storeMode = config.getConfig("store.mode");
        if (storeMode == null || storeMode.isBlank()) {
            throw new IllegalStateException("seata.config.type=" + type + " but the configuration center has no "
                + "'store.mode' (data id " + env.getProperty("seata.config.nacos.data-id", "seataServer.properties")
                + ", group " + env.getProperty("seata.config.nacos.group", "SEATA_GROUP") + " at "
                + env.getProperty("seata.config.nacos.server-addr") + "): unreachable, or the data id is not "
                + "published. Refusing to start with Seata's silent fallback store.mode=file.");
        }
    }

    private static void checkStoreDatabase(Configuration config, int waitSeconds) {
        String url = config.getConfig("store.db.url");
        String user = config.getConfig("store.db.user");
        String password = config.getConfig("store.db.password");
        String publicKey = config.getConfig("store.publicKey");
        if (publicKey != null && !publicKey.isBlank() && password != null && !password.isBlank()) {
            try {
                password = ConfigTools.publicDecrypt(password, publicKey);
            } catch (Exception e) {
                throw new IllegalStateException("store.db.password cannot be decrypted with store.publicKey", e);
            }
        }
        if (url == null || url.isBlank()) {
            throw new IllegalStateException("store mode db but store.db.url is not configured");
        }
        String[] tables = {
            config.getConfig("store.db.globalTable", "global_table"),
            config.getConfig("store.db.branchTable", "branch_table"),
            config.getConfig("store.db.lockTable", "lock_table"),
            config.getConfig("store.db.distributedLockTable", "distributed_lock")};
        Properties props = new Properties();
        props.setProperty("user", user == null ? "" : user);
        props.setProperty("password", password == null ? "" : password);
        props.setProperty("connectTimeout", "3000");
        props.setProperty("socketTimeout", "5000");
        long deadline = System.nanoTime() + waitSeconds * 1_000_000_000L;
        SQLException last;
        do {
            try (Connection c = DriverManager.getConnection(url, props); Statement s = c.createStatement()) {
                for (String table : tables) {
                    s.executeQuery("SELECT 1 FROM " + table + " WHERE 1 = 0").close();
                }
                return;
            } catch (SQLException e) {
                last = e;
                LOGGER.warn("store database {} not usable yet: {}", url, e.getMessage());
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        } while (System.nanoTime() < deadline);
        throw new IllegalStateException("store mode db but the store database is not usable after " + waitSeconds
            + " s (" + url + ", tables " + String.join(", ", tables) + "): " + last.getMessage(), last);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
