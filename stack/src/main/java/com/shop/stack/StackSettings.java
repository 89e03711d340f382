package com.shop.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where the stack runs and what it connects to. With no environment set, everything is embedded
 * and local; each SHOP_* variable points one part at real infrastructure instead (README).
 */
public record StackSettings(Path root, Path dataDir, boolean demoData,
                            String dbHost, int dbPort, String dbUser, String dbPassword, boolean embeddedDb,
                            String nacosAddr, String nacosUser, String nacosPassword, boolean embeddedNacos,
                            String rocketMqNamesrv, boolean embeddedRocketMq, boolean embeddedSeata,
                            String seataConsoleUser, String seataConsolePassword, boolean faultsEnabled,
                            Map<String, String> passThrough) {

    /** Prefixes of the variables that steer the stack and its processes (README, "Running against real infrastructure"). */
    static final List<String> STACK_VARIABLE_PREFIXES = List.of("SHOP_", "SEATA_", "NACOS_");

    public static StackSettings fromEnvironment(Path root, Path dataDir, boolean demoData) {
        return from(System.getenv(), root, dataDir, demoData);
    }

    /**
     * The local embedded stack whatever this process's environment says: for the tests, which must
     * never seed fixtures into, or publish configuration to, infrastructure a developer's shell points at.
     */
    public static StackSettings embedded(Path root, Path dataDir, boolean demoData) {
        return from(Map.of(), root, dataDir, demoData);
    }

    static StackSettings from(Map<String, String> env, Path root, Path dataDir, boolean demoData) {
        String dbHost = env.get("SHOP_DB_HOST");
        String nacosAddr = env.get("SHOP_NACOS_ADDR");
        String namesrv = env.get("SHOP_ROCKETMQ_NAMESRV");
        return new StackSettings(root.toAbsolutePath().normalize(), dataDir.toAbsolutePath().normalize(), demoData,
                dbHost == null ? "127.0.0.1" : dbHost,
                Integer.parseInt(env.getOrDefault("SHOP_DB_PORT", String.valueOf(Ports.MARIADB))),
                env.getOrDefault("SHOP_DB_USER", "root"),
                env.getOrDefault("SHOP_DB_PASSWORD", ""),
                dbHost == null,
                nacosAddr == null ? "127.0.0.1:" + Ports.NACOS_HTTP : nacosAddr,
                env.getOrDefault("SHOP_NACOS_USERNAME", "nacos"),
                env.getOrDefault("SHOP_NACOS_PASSWORD", "nacos-local-admin"),
                nacosAddr == null,
                namesrv == null ? "127.0.0.1:" + Ports.ROCKETMQ_NAMESRV : namesrv,
                namesrv == null,
                !"true".equalsIgnoreCase(env.get("SHOP_SEATA_EXTERNAL")),
                env.getOrDefault("SEATA_CONSOLE_USERNAME", "seata"),
                env.getOrDefault("SEATA_CONSOLE_PASSWORD", "seata-local-console"),
                "true".equalsIgnoreCase(env.get("SHOP_FAULTS_ENABLED")),
                stackVariables(env));
    }

    private static Map<String, String> stackVariables(Map<String, String> env) {
        Map<String, String> variables = new TreeMap<>();
        env.forEach((name, value) -> {
            if (STACK_VARIABLE_PREFIXES.stream().anyMatch(name::startsWith)) {
                variables.put(name, value);
            }
        });
        return Map.copyOf(variables);
    }

    /** The same stack with fault injection armable in every service (game days, failure tests). */
    public StackSettings withFaultsEnabled() {
        return new StackSettings(root, dataDir, demoData, dbHost, dbPort, dbUser, dbPassword, embeddedDb, nacosAddr,
                nacosUser, nacosPassword, embeddedNacos, rocketMqNamesrv, embeddedRocketMq, embeddedSeata,
                seataConsoleUser, seataConsolePassword, true, passThrough);
    }

    /** The repository root: the folder holding nacos-config/ and sql/, found upwards from here. */
    public static Path findRoot(Path start) {
        for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("nacos-config")) && Files.isDirectory(dir.resolve("sql"))) {
                return dir;
            }
        }
        throw new IllegalStateException("Not inside the shop repository (no nacos-config/ and sql/ above " + start + ")");
    }

    public String nacosUrl() {
        return "http://" + nacosAddr + "/nacos";
    }

    public String jdbcUrl(String database) {
        return "jdbc:mysql://" + dbHost + ":" + dbPort + "/" + database
                + "?useSSL=false&allowPublicKeyRetrieval=true&serverTimezone=UTC";
    }

    Path logDir() {
        return dataDir.resolve("logs");
    }

    /**
     * The stack variables every child process gets (and the only ones: ManagedProcess drops any it
     * inherited): how to reach the infrastructure, plus the launcher's own SHOP_* settings (ports,
     * worker ids…) when it was started from an environment.
     */
    Map<String, String> childEnvironment() {
        Map<String, String> env = new LinkedHashMap<>(passThrough);
        env.put("SHOP_DB_HOST", dbHost);
        env.put("SHOP_DB_PORT", String.valueOf(dbPort));
        env.put("SHOP_DB_USER", dbUser);
        env.put("SHOP_DB_PASSWORD", dbPassword);
        env.put("SHOP_NACOS_ADDR", nacosAddr);
        env.put("SHOP_NACOS_USERNAME", nacosUser);
        env.put("SHOP_NACOS_PASSWORD", nacosPassword);
        env.put("NACOS_ADMIN_PASSWORD", nacosPassword);
        env.put("SHOP_ROCKETMQ_NAMESRV", rocketMqNamesrv);
        env.put("SEATA_CONSOLE_USERNAME", seataConsoleUser);
        env.put("SEATA_CONSOLE_PASSWORD", seataConsolePassword);
        env.put("SHOP_FAULTS_ENABLED", String.valueOf(faultsEnabled));
        return env;
    }
}
