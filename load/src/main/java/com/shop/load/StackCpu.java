package com.shop.load;

import com.shop.stack.PidFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CPU time used by each process of the running stack, read from /proc: the processes the launcher
 * recorded in its {@link PidFile} and their descendants (MariaDB runs as a child of its launcher).
 * The load generator's own process is listed too, as {@code load-generator}, because on one machine
 * it competes with the stack for the same cores.
 */
final class StackCpu {

    /** Linux's USER_HZ, which /proc's tick counts are in on every architecture we run on. */
    private static final double TICKS_PER_SECOND = 100.0;

    private final Map<String, Long> pids = new LinkedHashMap<>();

    StackCpu(PidFile stack) throws IOException {
        pids.putAll(stack.read());
        pids.put("load-generator", ProcessHandle.current().pid());
    }

    /** CPU seconds used so far, per process name (a process that has gone counts nothing). */
    Map<String, Double> secondsSoFar() {
        Map<String, Double> seconds = new LinkedHashMap<>();
        pids.forEach((name, pid) -> {
            long ticks = ticks(pid);
            ProcessHandle process = ProcessHandle.of(pid).orElse(null);
            if (process != null) {
                for (ProcessHandle child : process.descendants().toList()) {
                    ticks += ticks(child.pid());
                }
            }
            seconds.put(name, ticks / TICKS_PER_SECOND);
        });
        return seconds;
    }

    /**
     * CPU seconds used so far by the threads of each process (its descendants' included), summed by
     * thread name as the kernel keeps it (the first 15 characters of a Java thread's name).
     */
    Map<String, Map<String, Double>> threadSecondsSoFar() {
        Map<String, Map<String, Double>> seconds = new LinkedHashMap<>();
        pids.forEach((name, pid) -> {
            Map<String, Double> threads = new LinkedHashMap<>();
            ProcessHandle process = ProcessHandle.of(pid).orElse(null);
            if (process != null) {
                addThreads(pid, threads);
                process.descendants().forEach(child -> addThreads(child.pid(), threads));
            }
            seconds.put(name, threads);
        });
        return seconds;
    }

    private static void addThreads(long pid, Map<String, Double> threads) {
        Path tasks = Path.of("/proc", Long.toString(pid), "task");
        try (var ids = Files.list(tasks)) {
            for (Path task : ids.toList()) {
                try {
                    String thread = Files.readString(task.resolve("comm")).strip();
                    long ticks = userPlusSystemTicks(Files.readString(task.resolve("stat")));
                    threads.merge(thread, ticks / TICKS_PER_SECOND, Double::sum);
                } catch (IOException e) {
                    // the thread ended between the listing and the read: it counts nothing
                }
            }
        } catch (IOException e) {
            // the process ended: it counts nothing
        }
    }

    static Map<String, Double> difference(Map<String, Double> before, Map<String, Double> after) {
        Map<String, Double> used = new LinkedHashMap<>();
        after.forEach((name, seconds) -> used.put(name, seconds - before.getOrDefault(name, 0.0)));
        return used;
    }

    private static long ticks(long pid) {
        try {
            return userPlusSystemTicks(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
        } catch (IOException e) {
            return 0;
        }
    }

    /** utime + stime of a /proc/[pid]/stat line: fields 14 and 15, counted after the command in parentheses. */
    static long userPlusSystemTicks(String statLine) {
        String afterCommand = statLine.substring(statLine.lastIndexOf(')') + 2);
        List<String> fields = List.of(afterCommand.trim().split(" "));
        // afterCommand starts at field 3 (state): field n is fields.get(n - 3).
        return Long.parseLong(fields.get(14 - 3)) + Long.parseLong(fields.get(15 - 3));
    }
}
