package com.shop.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** One supervised OS process: started with its output appended to a log file, stopped by PID. */
final class ManagedProcess {

    private final String name;
    private final Path logFile;
    private final Process process;
    private final long logOffset;

    private ManagedProcess(String name, Path logFile, Process process, long logOffset) {
        this.name = name;
        this.logFile = logFile;
        this.process = process;
        this.logOffset = logOffset;
    }

    static ManagedProcess start(String name, List<String> command, java.util.Map<String, String> env,
                                Path workDir, Path logFile) throws IOException {
        Files.createDirectories(logFile.getParent());
        long offset = Files.exists(logFile) ? Files.size(logFile) : 0;
        Files.writeString(logFile, "=== " + java.time.LocalDateTime.now() + " starting " + name + ": "
                + String.join(" ", command) + System.lineSeparator(),
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        // Only the stack variables the settings chose: none leak in from the launcher's own shell.
        builder.environment().keySet().removeIf(
                variable -> StackSettings.STACK_VARIABLE_PREFIXES.stream().anyMatch(variable::startsWith));
        builder.environment().putAll(env);
        return new ManagedProcess(name, logFile, builder.start(), offset);
    }

    String name() {
        return name;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** The exit code once the process has ended. */
    int exitCode() {
        return process.exitValue();
    }

    Path logFile() {
        return logFile;
    }

    /** True once the given line appears in what this run of the process wrote to its log. */
    boolean logContains(String line) {
        try {
            if (!Files.exists(logFile)) {
                return false;
            }
            try (var channel = Files.newByteChannel(logFile)) {
                channel.position(logOffset);
                String written = new String(java.nio.channels.Channels.newInputStream(channel).readAllBytes());
                return written.lines().anyMatch(l -> l.contains(line));
            }
        } catch (IOException e) {
            return false;
        }
    }

    /** The last lines of this run's log, to show why a process failed. */
    String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(logFile);
            return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /**
     * SIGTERM, then SIGKILL after the timeout. Children (MariaDB's mysqld) are stopped the same way:
     * a JVM killed hard would otherwise leave them running and holding the port.
     */
    void stop(Duration timeout) {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        awaitExit(process.toHandle(), timeout);
        for (ProcessHandle child : children) {
            child.destroy();
            awaitExit(child, Duration.ofSeconds(10));
        }
    }

    /** SIGKILL at once, children too: a simulated crash. */
    void kill() {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroyForcibly();
        children.forEach(ProcessHandle::destroyForcibly);
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        children.forEach(child -> child.onExit().completeOnTimeout(child, 10, TimeUnit.SECONDS).join());
    }

    /**
     * Sends a signal to the process and its children by name ({@code STOP}, {@code CONT}): a process
     * frozen with STOP keeps its ports and connections but answers nothing, like one in a long GC pause.
     */
    void signal(String signal) {
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        all.add(0, process.toHandle());
        for (ProcessHandle handle : all) {
            try {
                Process kill = new ProcessBuilder("kill", "-" + signal, String.valueOf(handle.pid()))
                        .redirectErrorStream(true).start();
                if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                    throw new IllegalStateException("kill -" + signal + " " + handle.pid() + " failed: "
                            + new String(kill.getInputStream().readAllBytes()).trim());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while sending " + signal, e);
            }
        }
    }

    private static void awaitExit(ProcessHandle handle, Duration timeout) {
        try {
            handle.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            handle.descendants().forEach(ProcessHandle::destroyForcibly);
            handle.destroyForcibly();
            handle.onExit().completeOnTimeout(handle, 10, TimeUnit.SECONDS).join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            handle.destroyForcibly();
        } catch (java.util.concurrent.ExecutionException e) {
            handle.destroyForcibly();
        }
    }
}
