package com.shop.infra.mariadb;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Finds mysqld processes: ours (a child of this JVM) and orphans of an earlier, killed JVM. */
final class MysqldProcesses {

    private MysqldProcesses() {
    }

    /** The mysqld this JVM started. */
    static Optional<ProcessHandle> child() {
        return ProcessHandle.current().children().filter(MysqldProcesses::isMariadbd).findFirst();
    }

    /**
     * A JVM killed with SIGKILL leaves its mysqld running (re-parented to init), still holding the port and the
     * InnoDB lock of the data dir. Any mariadbd whose --datadir is ours is such an orphan: two servers can never
     * share a data dir. SIGTERM lets it finish writing; SIGKILL only if it hangs.
     */
    static void stopOrphan(Path dataDir) {
        String datadirArg = "--datadir=" + dataDir;
        List<ProcessHandle> orphans = ProcessHandle.allProcesses()
                .filter(MysqldProcesses::isMariadbd)
                .filter(p -> p.info().arguments().map(a -> List.of(a).contains(datadirArg)).orElse(false))
                .toList();
        for (ProcessHandle orphan : orphans) {
            System.err.println("mariadb: stopping leftover mysqld pid " + orphan.pid() + " on " + dataDir);
            orphan.destroy();
            if (!awaitExit(orphan, Duration.ofSeconds(60))) {
                orphan.destroyForcibly();
                awaitExit(orphan, Duration.ofSeconds(10));
            }
        }
    }

    private static boolean isMariadbd(ProcessHandle process) {
        return process.info().command().map(c -> c.endsWith("/mariadbd")).orElse(false);
    }

    private static boolean awaitExit(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (Exception e) {
            return !process.isAlive();
        }
    }
}
