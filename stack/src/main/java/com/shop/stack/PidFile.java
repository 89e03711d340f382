package com.shop.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code stack.pids} in the data folder: one "PID name" line per running component, rewritten on
 * every start and stop, so that `./shop.sh stop` finds a stack whose launcher died and the load
 * tools find the processes whose CPU they measure.
 */
public final class PidFile {

    private final Path file;

    public PidFile(Path dataDir) {
        this.file = dataDir.resolve("stack.pids");
    }

    synchronized void write(Map<String, ManagedProcess> running) throws IOException {
        Files.createDirectories(file.getParent());
        StringBuilder lines = new StringBuilder();
        running.forEach((name, process) -> lines.append(process.pid()).append(' ').append(name).append('\n'));
        Files.writeString(file, lines.toString());
    }

    /** Component name → PID, as last recorded; empty when no stack recorded any. */
    public Map<String, Long> read() throws IOException {
        Map<String, Long> pids = new LinkedHashMap<>();
        if (!Files.exists(file)) {
            return pids;
        }
        for (String line : Files.readAllLines(file)) {
            String[] parts = line.trim().split(" ", 2);
            if (parts.length == 2) {
                pids.put(parts[1], Long.parseLong(parts[0]));
            }
        }
        return pids;
    }

    void delete() throws IOException {
        Files.deleteIfExists(file);
    }
}
