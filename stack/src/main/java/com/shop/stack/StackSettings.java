package com.shop.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
                            boolean production, String operatorToken, Map<String, String> passThrough) {

    /** The committed local defaults of the secrets the launcher hands out; production mode refuses them. */
    static final String LOCAL_NACOS_PASSWORD = "nacos-local-admin";
    static final String LOCAL_SEATA_CONSOLE_PASSWORD = "seata-local-console";
    static final String LOCAL_OPERATOR_TOKEN = "local-operator-token";

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
        boolean production = "true".equalsIgnoreCase(env.get("SHOP_PRODUCTION"));
        if (production) {
            List<String> refused = productionRefusals(env);
            if (!refused.isEmpty()) {
                throw new IllegalStateException("Production mode (SHOP_PRODUCTION=true) refuses to start: "
                        + String.join("; ", refused));
            }
        }
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
                env.getOrDefault("SHOP_NACOS_PASSWORD", LOCAL_NACOS_PASSWORD),
                nacosAddr == null,
                namesrv == null ? "127.0.0.1:" + Ports.ROCKETMQ_NAMESRV : namesrv,
                namesrv == null,
                !"true".equalsIgnoreCase(env.get("SHOP_SEATA_EXTERNAL")),
                env.getOrDefault("SEATA_CONSOLE_USERNAME", "seata"),
                env.getOrDefault("SEATA_CONSOLE_PASSWORD", LOCAL_SEATA_CONSOLE_PASSWORD),
                "true".equalsIgnoreCase(env.get("SHOP_FAULTS_ENABLED")),
                production,
                env.getOrDefault("SHOP_OPERATOR_TOKEN", LOCAL_OPERATOR_TOKEN),
                stackVariables(env));
    }

    /**
     * What production mode refuses in the launcher's environment, by name (never a value): a secret
     * unset, empty or equal to its committed local default — for the parts the launcher starts itself,
     * their secrets too — and fault injection on.
     */
    static List<String> productionRefusals(Map<String, String> env) {
        List<String> required = new ArrayList<>(List.of("SHOP_DB_PASSWORD", "SHOP_NACOS_PASSWORD",
                "SHOP_PAYMENT_CALLBACK_SECRET", "SHOP_OPERATOR_TOKEN"));
        if (!"true".equalsIgnoreCase(env.get("SHOP_SEATA_EXTERNAL"))) {
            required.addAll(List.of("SEATA_CONSOLE_PASSWORD", "SEATA_SECRET_KEY"));
        }
        if (env.get("SHOP_NACOS_ADDR") == null) {
            required.addAll(List.of("NACOS_AUTH_TOKEN", "NACOS_AUTH_IDENTITY_KEY", "NACOS_AUTH_IDENTITY_VALUE"));
        }
        Set<String> localDefaults = Set.of(LOCAL_NACOS_PASSWORD, LOCAL_SEATA_CONSOLE_PASSWORD, LOCAL_OPERATOR_TOKEN);
        List<String> refused = new ArrayList<>();
        for (String name : required) {
            String value = env.get(name);
            if (value == null || value.isBlank()) {
                refused.add(name + " is not set");
            } else if (localDefaults.contains(value)) {
                refused.add(name + " is the local default");
            }
        }
        if ("true".equalsIgnoreCase(env.get("SHOP_FAULTS_ENABLED"))) {
            refused.add("SHOP_FAULTS_ENABLED is on");
        }
        return refused;
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

    /** The same stack with fault injection armable in every service (game days, failure tests); never in production. */
    public StackSettings withFaultsEnabled() {
        if (production) {
            throw new IllegalStateException("Production mode (SHOP_PRODUCTION=true) refuses fault injection");
        }
        return new StackSettings(root, dataDir, demoData, dbHost, dbPort, dbUser, dbPassword, embeddedDb, nacosAddr,
                nacosUser, nacosPassword, embeddedNacos, rocketMqNamesrv, embeddedRocketMq, embeddedSeata,
                seataConsoleUser, seataConsolePassword, true, false, operatorToken, passThrough);
    }

    /** A secret for the welcome text: the committed local default is shown (it is in the README anyway), a real one never. */
    static String shown(String secret, String localDefault) {
        return localDefault.equals(secret) ? secret : "(as set in the environment)";
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
        env.put("SHOP_OPERATOR_TOKEN", operatorToken);
        // The AT probe's write, for a first look and the tests; a production run refuses it (ProductionMode).
        env.put("SHOP_ATPROBE_ENABLED", String.valueOf(!production));
        return env;
    }
}
