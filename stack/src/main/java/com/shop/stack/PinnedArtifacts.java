package com.shop.stack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The infrastructure the stack runs from Maven Central — the Seata TC, the Nacos server (a third-party
 * republish), RocketMQ, MariaDB's binaries — pinned to the SHA-256 of each jar in
 * {@code infra/checksums.sha256}. Before a pinned module's process starts, every jar pinned for it must
 * be on its launch classpath with exactly that checksum; a changed or re-published artifact, or a version
 * bump without new pins, stops the stack (docs/dependencies.md#provenance-of-the-infrastructure-artifacts).
 *
 * <p>File format, one jar per line: {@code <sha256>  <module> <jar file name>}; {@code #} starts a comment.
 */
final class PinnedArtifacts {

    static final String FILE = "infra/checksums.sha256";

    /** module → jar file name → expected SHA-256. */
    private final Map<String, Map<String, String>> pins;
    private final Set<Path> verified = ConcurrentHashMap.newKeySet();

    PinnedArtifacts(Map<String, Map<String, String>> pins) {
        this.pins = pins;
    }

    static PinnedArtifacts load(Path root) throws IOException {
        return parse(Files.readAllLines(root.resolve(FILE)));
    }

    static PinnedArtifacts parse(List<String> lines) {
        Map<String, Map<String, String>> pins = new HashMap<>();
        for (String line : lines) {
            String text = line.strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            String[] fields = text.split("\\s+");
            if (fields.length != 3 || !fields[0].matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException(FILE + ": not '<sha256>  <module> <jar>': " + line);
            }
            pins.computeIfAbsent(fields[1], module -> new LinkedHashMap<>()).put(fields[2], fields[0]);
        }
        return new PinnedArtifacts(pins);
    }

    /** Checks the module's pinned jars on its launch classpath; the problems found, none if it may start. */
    List<String> problems(String module, String classpath) {
        Map<String, String> expected = pins.get(module);
        if (expected == null) {
            return List.of();
        }
        Map<String, Path> onClasspath = new HashMap<>();
        for (String entry : classpath.split(java.io.File.pathSeparator)) {
            Path path = Path.of(entry);
            onClasspath.put(path.getFileName().toString(), path);
        }
        List<String> problems = new ArrayList<>();
        expected.forEach((jar, sha256) -> {
            Path path = onClasspath.get(jar);
            if (path == null) {
                problems.add(jar + " is pinned for " + module + " but not on its classpath (a version change? update "
                        + FILE + ")");
            } else if (!verified.contains(path)) {
                String actual = sha256(path);
                if (actual.equals(sha256)) {
                    verified.add(path);
                } else {
                    problems.add(path + " has SHA-256 " + actual + ", pinned " + sha256);
                }
            }
        });
        return problems;
    }

    static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int read; (read = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, read);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            return "unreadable (" + e.getMessage() + ")";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
