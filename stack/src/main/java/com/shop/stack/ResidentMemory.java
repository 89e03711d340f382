package com.shop.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;

/** What the stack's processes hold in memory, read from /proc (Linux): the figure the launcher prints. */
final class ResidentMemory {

    private ResidentMemory() {
    }

    /** Total resident memory of the processes, children included, in bytes. */
    static long bytes(Collection<ManagedProcess> processes) {
        long total = 0;
        for (ManagedProcess process : processes) {
            total += rss(process.pid());
            for (ProcessHandle child : ProcessHandle.of(process.pid()).map(h -> h.descendants().toList())
                    .orElse(List.of())) {
                total += rss(child.pid());
            }
        }
        return total;
    }

    private static long rss(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // The process ended between listing and reading: it uses no memory any more.
        }
        return 0;
    }
}
