package com.shop.infra.mariadb;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Decides whether the data dir still needs mariadb-install-db. */
final class DataDir {

    private DataDir() {
    }

    /**
     * @return true if the system tables must be installed. mariadb-install-db writes {@code mariadb_upgrade_info}
     * only after it succeeded, so a non-empty dir without it is a half-done install (JVM killed during the first
     * start): it is moved aside, not deleted, and installed afresh.
     */
    static boolean prepare(Path dataDir) throws IOException {
        Files.createDirectories(dataDir);
        if (Files.exists(dataDir.resolve("mariadb_upgrade_info"))) {
            return false;
        }
        try (Stream<Path> entries = Files.list(dataDir)) {
            if (entries.findAny().isPresent()) {
                Path aside = dataDir.resolveSibling(dataDir.getFileName() + ".incomplete-" + System.currentTimeMillis());
                System.err.println("mariadb: " + dataDir + " holds no finished install; moving it to " + aside);
                Files.move(dataDir, aside);
                Files.createDirectories(dataDir);
            }
        }
        return true;
    }
}
