package com.shop.seata;

import java.nio.file.Path;
import java.nio.file.Paths;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Keeps the TC's side files out of the user's home directory.
 *
 * <p>The TC talks to Nacos through nacos-client 1.4.2, which by default writes its config snapshots to
 * {@code ~/nacos/config}, its naming cache to {@code ~/nacos/naming} and its own logs to
 * {@code ~/logs/nacos}; sofa-bolt (JRaft's transport, started by the TC even when raft is off) logs to
 * {@code ~/logs/bolt}. Those locations are JVM system properties read once, when the client classes
 * load, which happens after this post-processor ran (Seata builds its Nacos configuration while the
 * Spring context initializes). Values given with {@code -D} on the command line are left alone.
 *
 * <ul>
 *   <li>{@code shop.seata.data.dir} (default {@code ./.stack-data/seata-server}): Nacos client caches
 *       (and the session store in file mode, see application.yml);</li>
 *   <li>{@code seata.log.path} or {@code log.home} (default {@code ./.stack-data/logs/seata-server}, resolved
 *       as {@code logging.file.path} in application.yml): TC logs; the Nacos client's
 *       own logs go to its {@code nacos} subdirectory, sofa-bolt's to {@code bolt}.</li>
 * </ul>
 */
public class LocalDirsEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String DATA_DIR = "shop.seata.data.dir";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        Path data = absolute(env.getProperty(DATA_DIR, "./.stack-data/seata-server"));
        Path logs = absolute(env.getProperty("logging.file.path", "./.stack-data/logs/seata-server"));
        setIfAbsent("JM.SNAPSHOT.PATH", data.resolve("nacos-client").toString());
        setIfAbsent("com.alibaba.nacos.naming.cache.dir", data.resolve("nacos-client").resolve("naming").toString());
        setIfAbsent("JM.LOG.PATH", logs.toString()); // nacos-client adds its own "nacos" subdirectory
        // sofa-bolt (pulled in by JRaft inside seata-server) logs to ${logging.path}/bolt, default ~/logs.
        setIfAbsent("logging.path", logs.toString());
    }

    private static Path absolute(String dir) {
        return Paths.get(dir).toAbsolutePath().normalize();
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    /** After application.yml is loaded (logging.file.path lives there), before any Seata or Nacos code runs. */
    @Override
    public int getOrder() {
        return ConfigDataEnvironmentPostProcessor.ORDER + 1;
    }
}
