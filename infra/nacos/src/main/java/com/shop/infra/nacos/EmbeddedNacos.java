package com.shop.infra.nacos;

import com.alibaba.nacos.NacosServerBasicApplication;
import com.alibaba.nacos.NacosServerWebApplication;
import com.alibaba.nacos.console.NacosConsole;
import com.alibaba.nacos.core.listener.startup.NacosStartUp;
import com.alibaba.nacos.core.listener.startup.NacosStartUpManager;
import com.alibaba.nacos.sys.env.DeploymentType;
import com.alibaba.nacos.sys.env.EnvUtil;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jmx.export.MBeanExporter;
import org.springframework.jmx.support.RegistrationPolicy;

import java.util.ArrayList;
import java.util.List;

/**
 * A real Nacos 3.1 server (config center + registry + console UI), standalone with embedded Derby
 * storage and auth on, started the way Nacos' own bootstrap ("merged" deployment) does it.
 *
 * <p>The Nacos jars publish no main class. Nacos' bootstrap starts three Spring Boot contexts:
 * a non-web core context ({@link NacosServerBasicApplication}) holding the shared services, then
 * two web children on top of it: the server API ({@link NacosServerWebApplication}, port 8848,
 * /nacos, plus gRPC 9848/9849) and the console ({@link NacosConsole}, port 8080). Before each
 * context, {@link NacosStartUpManager#start} selects the phase whose hooks (work dirs, loading
 * Nacos' own properties, start-up logging) Nacos' SpringApplicationRunListener then runs.
 *
 * <p>Run: {@code java -cp <jar>:<launch-classpath> -Dnacos.home=<dir> com.shop.infra.nacos.EmbeddedNacos}.
 * Settings: see {@link NacosSettings}. Prints {@code READY nacos} on stdout once the server is up
 * and the admin login works. Exit codes: 1 start-up failure, 2 admin password mismatch.
 */
public final class EmbeddedNacos {

    /** Started contexts, parent first; closed in reverse order on shutdown. */
    private static final List<ConfigurableApplicationContext> CONTEXTS = new ArrayList<>();

    private EmbeddedNacos() {
    }

    public static void main(String[] args) {
        long startNanos = System.nanoTime();
        NacosSettings settings;
        try {
            settings = NacosSettings.resolveAndApply();
        } catch (Exception e) {
            fail(1, "invalid configuration: " + e.getMessage(), null);
            return;
        }
        // Our own hook instead of Spring Boot's, so the children close before the core context.
        Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedNacos::closeAll, "embedded-nacos-shutdown"));

        try {
            startContexts(args);
        } catch (Throwable e) {
            // Spring Boot has already logged the full failure (stdout and <home>/logs/nacos.log).
            fail(1, "Nacos failed to start (logs: " + settings.home.resolve("logs") + "): " + rootMessage(e), null);
            return;
        }

        AdminAccount admin = new AdminAccount(settings.serverUrl());
        try {
            if (admin.initialiseIfMissing(settings.adminPassword)) {
                log("admin user '" + NacosSettings.ADMIN_USERNAME + "' initialised with the configured password");
            }
            loginWithRetry(admin, settings.adminPassword);
        } catch (AdminAccount.WrongPasswordException e) {
            fail(2, e.getMessage() + ". The admin user of " + settings.home
                    + " was initialised earlier with another password: set NACOS_ADMIN_PASSWORD to that"
                    + " password, or start with a fresh nacos.home.", null);
            return;
        } catch (Exception e) {
            fail(1, "admin account check failed: " + rootMessage(e), e);
            return;
        }

        log(String.format("server %s, console %s, home %s, up in %.1f s", settings.serverUrl(),
                settings.consoleUrl(), settings.home, (System.nanoTime() - startNanos) / 1e9));
        System.out.println("READY nacos");
        System.out.flush();
        // Nacos' non-daemon threads (Tomcat, gRPC) keep the JVM alive until SIGTERM.
    }

    /**
     * Nacos' auth plugin answers from user and role caches it reloads from the database 5 s after
     * start and then every 15 s. A user created a moment ago, or the users of a reused nacos.home
     * right after start, can still be missing: so a refusal only counts once it outlives a reload.
     * READY is printed only after this passes, so clients never meet the empty cache.
     */
    private static void loginWithRetry(AdminAccount admin, String password) throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        boolean retried = false;
        while (true) {
            try {
                String token = admin.login(NacosSettings.ADMIN_USERNAME, password);
                if (admin.canAdminister(token)) {
                    return;
                }
                throw new AdminAccount.WrongPasswordException(
                        "login as '" + NacosSettings.ADMIN_USERNAME + "' worked but the admin role is not active");
            } catch (AdminAccount.WrongPasswordException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                if (!retried) {
                    log("login refused, retrying for up to 30 s (Nacos reloads its user cache every 15 s)");
                    retried = true;
                }
                Thread.sleep(1000);
            }
        }
    }

    /** Mirrors Nacos' bootstrap for the "merged" deployment type (server + console in one JVM). */
    private static void startContexts(String[] args) {
        EnvUtil.setDeploymentType(DeploymentType.MERGED);

        NacosStartUpManager.start(NacosStartUp.CORE_START_UP_PHASE);
        ConfigurableApplicationContext core = start(
                new SpringApplicationBuilder(NacosServerBasicApplication.class).web(WebApplicationType.NONE), args);
        if (core.getEnvironment().getProperty("spring.jmx.enabled", Boolean.class, false)) {
            // Children would re-export the parent's MBeans and fail on the duplicates.
            core.getBean(MBeanExporter.class).setRegistrationPolicy(RegistrationPolicy.IGNORE_EXISTING);
        }

        NacosStartUpManager.start(NacosStartUp.WEB_START_UP_PHASE);
        start(new SpringApplicationBuilder(NacosServerWebApplication.class).parent(core), args);

        NacosStartUpManager.start(NacosStartUp.CONSOLE_START_UP_PHASE);
        start(new SpringApplicationBuilder(NacosConsole.class).parent(core), args);
        // Nacos' bootstrap would also start the MCP registry context here when
        // nacos.ai.mcp.registry.enabled=true; that module is not on our classpath and stays off.
    }

    private static ConfigurableApplicationContext start(SpringApplicationBuilder builder, String[] args) {
        ConfigurableApplicationContext context = builder
                .bannerMode(Banner.Mode.OFF)
                .registerShutdownHook(false)
                .run(args);
        synchronized (CONTEXTS) {
            CONTEXTS.add(context);
        }
        return context;
    }

    private static void closeAll() {
        synchronized (CONTEXTS) {
            for (int i = CONTEXTS.size() - 1; i >= 0; i--) {
                try {
                    CONTEXTS.get(i).close();
                } catch (RuntimeException e) {
                    System.err.println("[embedded-nacos] error while closing a context: " + e);
                }
            }
            CONTEXTS.clear();
        }
    }

    private static void fail(int exitCode, String message, Throwable cause) {
        System.err.println("[embedded-nacos] ERROR " + message);
        if (cause != null) {
            cause.printStackTrace();
        }
        // The shutdown hook closes whatever was started; exit also stops Nacos' non-daemon threads.
        System.exit(exitCode);
    }

    /** The innermost cause says what went wrong ("Address already in use"); Spring's top message where. */
    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root == e) {
            return String.valueOf(e);
        }
        String where = String.valueOf(e.getMessage());
        return root + " (while: " + where.substring(0, Math.min(where.length(), 300)) + ")";
    }

    private static void log(String message) {
        System.err.println("[embedded-nacos] " + message);
    }
}
