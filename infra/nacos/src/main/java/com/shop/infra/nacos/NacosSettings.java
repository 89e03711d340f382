package com.shop.infra.nacos;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/**
 * Everything machine-specific or secret, resolved once from a JVM system property, then an
 * environment variable, then a local-only default, and published as JVM system properties.
 *
 * <p>System properties because several Nacos classes read them straight from {@code System}
 * (nacos.home, nacos.standalone, nacos.deployment.type, nacos.remote.grpc.listen.ip) and because
 * they outrank the module's application.properties in every Spring context.
 */
final class NacosSettings {

    /** Local-only defaults. Never reuse them outside a developer machine. */
    static final String DEFAULT_HOME = "./.stack-data/nacos";
    // base64("shop-local-only-nacos-token-secret-do-not-use-in-prod"), 53 bytes (Nacos wants >= 32)
    static final String DEFAULT_TOKEN_SECRET = "c2hvcC1sb2NhbC1vbmx5LW5hY29zLXRva2VuLXNlY3JldC1kby1ub3QtdXNlLWluLXByb2Q=";
    static final String DEFAULT_IDENTITY_KEY = "shop-local-identity";
    static final String DEFAULT_IDENTITY_VALUE = "shop-local-identity-value";
    static final String DEFAULT_ADMIN_PASSWORD = "nacos-local-admin";

    static final String ADMIN_USERNAME = "nacos";

    final Path home;
    final String bindIp;
    final int serverPort;
    final int consolePort;
    final String adminPassword;

    private NacosSettings(Path home, String bindIp, int serverPort, int consolePort, String adminPassword) {
        this.home = home;
        this.bindIp = bindIp;
        this.serverPort = serverPort;
        this.consolePort = consolePort;
        this.adminPassword = adminPassword;
    }

    /** Resolves all settings, validates them and sets the system properties Nacos reads. */
    static NacosSettings resolveAndApply() throws Exception {
        Path home = Path.of(value("nacos.home", "NACOS_HOME", DEFAULT_HOME)).toAbsolutePath().normalize();
        Files.createDirectories(home);
        String bindIp = value("nacos.bind.ip", "NACOS_BIND_IP", "127.0.0.1");
        int serverPort = port(value("nacos.server.main.port", "NACOS_SERVER_PORT", "8848"));
        int consolePort = port(value("nacos.console.port", "NACOS_CONSOLE_PORT", "8080"));
        String token = value("nacos.core.auth.plugin.nacos.token.secret.key", "NACOS_AUTH_TOKEN", DEFAULT_TOKEN_SECRET);
        String identityKey = value("nacos.core.auth.server.identity.key", "NACOS_AUTH_IDENTITY_KEY", DEFAULT_IDENTITY_KEY);
        String identityValue = value("nacos.core.auth.server.identity.value", "NACOS_AUTH_IDENTITY_VALUE", DEFAULT_IDENTITY_VALUE);
        String adminPassword = value("nacos.admin.password", "NACOS_ADMIN_PASSWORD", DEFAULT_ADMIN_PASSWORD);
        checkTokenSecret(token);

        // Where: data (Derby, JRaft), conf and logs all below nacos.home. user.home is moved too,
        // because Nacos' logback default and the embedded nacos-client otherwise write to ~/nacos, ~/logs.
        set("nacos.home", home.toString());
        set("user.home", home.toString());
        set("nacos.logs.path", home.resolve("logs").toString());
        // Derby writes derby.log into the working directory unless told otherwise.
        set("derby.stream.error.file", home.resolve("logs").resolve("derby.log").toString());

        // How: one node with embedded storage, server + console in one process ("merged");
        // no nacos.functionMode means config + naming.
        set("nacos.standalone", "true");
        set("nacos.deployment.type", "merged");

        // Network: gRPC ports follow from the main port (+1000 client, +1001 cluster), JRaft uses
        // port - 1000. Tomcat and gRPC bind the one IP, and the server announces it as its own
        // address (with 0.0.0.0 Nacos picks an interface address itself).
        set("nacos.bind.ip", bindIp);
        if (!"0.0.0.0".equals(bindIp)) {
            set("nacos.inetutils.ip-address", bindIp);
        }
        set("nacos.remote.grpc.listen.ip", bindIp);
        set("nacos.server.main.port", Integer.toString(serverPort));
        set("nacos.console.port", Integer.toString(consolePort));

        // Auth secrets (the static auth switches live in application.properties).
        set("nacos.core.auth.plugin.nacos.token.secret.key", token);
        set("nacos.core.auth.server.identity.key", identityKey);
        set("nacos.core.auth.server.identity.value", identityValue);

        return new NacosSettings(home, bindIp, serverPort, consolePort, adminPassword);
    }

    /** Base URL of the server API as local clients see it. */
    String serverUrl() {
        String host = "0.0.0.0".equals(bindIp) ? "127.0.0.1" : bindIp;
        return "http://" + host + ":" + serverPort + "/nacos";
    }

    String consoleUrl() {
        String host = "0.0.0.0".equals(bindIp) ? "127.0.0.1" : bindIp;
        return "http://" + host + ":" + consolePort + "/";
    }

    /** Nacos fails late and vaguely on a bad key; say it up front. */
    private static void checkTokenSecret(String token) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(token.getBytes(StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("NACOS_AUTH_TOKEN is not valid base64: " + e.getMessage());
        }
        if (key.length < 32) {
            throw new IllegalArgumentException(
                    "NACOS_AUTH_TOKEN must decode to at least 32 bytes, got " + key.length);
        }
    }

    private static String value(String property, String envVar, String fallback) {
        String v = System.getProperty(property);
        if (v == null || v.isBlank()) {
            v = System.getenv(envVar);
        }
        return v == null || v.isBlank() ? fallback : v.trim();
    }

    private static int port(String text) {
        int port = Integer.parseInt(text);
        if (port < 1001 || port > 64534) {
            // gRPC uses port + 1000/+1001 and JRaft port - 1000
            throw new IllegalArgumentException("port out of range (1001..64534): " + port);
        }
        return port;
    }

    private static void set(String key, String value) {
        System.setProperty(key, value);
    }
}
