package com.shop.stack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The whole stack as separate processes, started in dependency order and stopped in reverse:
 * database → Nacos → Seata TC → RocketMQ → services (database, Nacos and RocketMQ boot side by
 * side; migrations and config publication run as soon as their server is up). Also the harness
 * of the end-to-end tests: any component can be killed (SIGKILL) and started again.
 */
public final class Stack implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(10);

    private final StackSettings settings;
    private final Consumer<String> progress;
    private final Map<String, Component> components = new LinkedHashMap<>();
    private final Map<String, ManagedProcess> running = new ConcurrentHashMap<>();
    private PinnedArtifacts pinnedArtifacts;

    public Stack(StackSettings settings, Consumer<String> progress) {
        this.settings = settings;
        this.progress = progress;
        if (settings.embeddedDb()) {
            add(Components.mariadb(settings));
        }
        if (settings.embeddedNacos()) {
            add(Components.nacos(settings));
        }
        if (settings.embeddedRocketMq()) {
            add(Components.rocketmq(settings));
        }
        if (settings.embeddedSeata()) {
            add(Components.seata(settings));
        }
        Components.SERVICES.forEach(service -> add(Components.service(settings, service)));
    }

    private void add(Component component) {
        components.put(component.name(), component);
    }

    public StackSettings settings() {
        return settings;
    }

    public List<String> componentNames() {
        return List.copyOf(components.keySet());
    }

    /** Starts everything and returns once every component is ready; on failure stops what started. */
    public void startAll() {
        long began = System.nanoTime();
        try {
            checkPortsFree(components.values());
            launchIfPresent(Components.MARIADB);
            launchIfPresent(Components.NACOS);
            launchIfPresent(Components.ROCKETMQ);

            awaitIfPresent(Components.MARIADB);
            progress.accept("applying schemas" + (settings.demoData() ? " and demo data" : ""));
            new DatabaseMigrator(settings).migrateAll();

            awaitIfPresent(Components.NACOS);
            List<String> published = new NacosConfigPublisher(NacosOpenApi.of(settings))
                    .publishAll(settings.root().resolve("nacos-config"), settings.childEnvironment());
            progress.accept("published to Nacos: " + String.join(", ", published));

            launchIfPresent(Components.SEATA);
            awaitIfPresent(Components.SEATA);
            awaitIfPresent(Components.ROCKETMQ);

            Components.SERVICES.forEach(this::launch);
            Components.SERVICES.forEach(this::await);
            progress.accept(String.format("stack ready in %.1f s", (System.nanoTime() - began) / 1e9));
        } catch (StackStartFailure e) {
            stopAll();
            throw e;
        } catch (Exception e) {
            stopAll();
            throw new StackStartFailure("Stack start failed: " + e.getMessage(), e);
        }
    }

    /** Stops consumers before providers (a provider can hang on SIGTERM while a consumer is connected). */
    public void stopAll() {
        stop(Components.ORDER);
        parallel(List.of(Components.PAY, Components.USER, Components.COUPON, Components.GOODS), this::stop);
        stop(Components.SEATA);
        parallel(List.of(Components.ROCKETMQ, Components.NACOS), this::stop);
        stop(Components.MARIADB);
        writePidFile();
    }

    @Override
    public void close() {
        stopAll();
    }

    /** Starts one component and waits until it is ready. */
    public void start(String name) {
        launch(name);
        await(name);
    }

    /** A graceful stop: SIGTERM, SIGKILL after the component's stop timeout. */
    public void stop(String name) {
        ManagedProcess process = running.remove(name);
        if (process != null) {
            progress.accept("stopping " + name + " (pid " + process.pid() + ")");
            process.stop(components.get(name).stopTimeout());
            writePidFile();
        }
    }

    /** A crash: SIGKILL to the process and its children, no shutdown hooks run. */
    public void kill(String name) {
        ManagedProcess process = running.remove(name);
        if (process == null) {
            throw new IllegalStateException(name + " is not running");
        }
        progress.accept("killing " + name + " (pid " + process.pid() + ")");
        process.kill();
        writePidFile();
    }

    public boolean isRunning(String name) {
        ManagedProcess process = running.get(name);
        return process != null && process.isAlive();
    }

    public long pid(String name) {
        ManagedProcess process = running.get(name);
        if (process == null) {
            throw new IllegalStateException(name + " is not running");
        }
        return process.pid();
    }

    public Path logFile(String name) {
        return settings.logDir().resolve(name + ".log");
    }

    /** Total resident memory of every process of the stack, children included, in bytes (Linux). */
    public long residentMemoryBytes() {
        long total = 0;
        for (ManagedProcess process : running.values()) {
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

    private void launchIfPresent(String name) {
        if (components.containsKey(name)) {
            launch(name);
        }
    }

    private void awaitIfPresent(String name) {
        if (components.containsKey(name)) {
            await(name);
        }
    }

    private void launch(String name) {
        Component component = components.get(name);
        if (component == null) {
            throw new IllegalArgumentException("No component " + name + " in this stack: " + components.keySet());
        }
        if (isRunning(name)) {
            throw new IllegalStateException(name + " is already running");
        }
        checkPortsFree(List.of(component));
        try {
            Path workDir = settings.dataDir().resolve("run").resolve(name);
            Files.createDirectories(workDir);
            List<String> command = new ArrayList<>();
            command.add(ProcessHandle.current().info().command().orElse("java"));
            command.addAll(component.jvmOptions());
            command.add("-cp");
            String classpath = classpath(component);
            List<String> unpinned = pinnedArtifacts().problems(component.module(), classpath);
            if (!unpinned.isEmpty()) {
                throw new StackStartFailure("Refusing to start " + name + ": its artifacts are not the pinned ones ("
                        + PinnedArtifacts.FILE + ")\n" + String.join("\n", unpinned));
            }
            command.add(classpath);
            command.add(component.mainClass());
            ManagedProcess process = ManagedProcess.start(name, command, settings.childEnvironment(), workDir,
                    logFile(name));
            running.put(name, process);
            writePidFile();
            progress.accept("started " + name + " (pid " + process.pid() + "), log " + logFile(name));
        } catch (IOException e) {
            throw new StackStartFailure("Could not start " + name + ": " + e.getMessage(), e);
        }
    }

    private void await(String name) {
        Component component = components.get(name);
        ManagedProcess process = running.get(name);
        long start = System.nanoTime();
        long deadline = start + component.startTimeout().toNanos();
        long nextProgress = start + PROGRESS_EVERY.toNanos();
        while (!component.readiness().isReady(process)) {
            if (!process.isAlive()) {
                throw new StackStartFailure(name + " exited during start (exit code " + process.exitCode()
                        + "). Last lines of " + process.logFile() + ":\n" + process.tail(25));
            }
            long now = System.nanoTime();
            if (now > deadline) {
                throw new StackStartFailure(name + " was not ready within " + component.startTimeout().toSeconds()
                        + " s. Last lines of " + process.logFile() + ":\n" + process.tail(25));
            }
            if (now > nextProgress) {
                progress.accept(String.format("waiting for %s (%d s)", name, (now - start) / 1_000_000_000L));
                nextProgress = now + PROGRESS_EVERY.toNanos();
            }
            sleep(POLL);
        }
        progress.accept(String.format("%s ready (%.1f s)", name, (System.nanoTime() - start) / 1e9));
    }

    private synchronized PinnedArtifacts pinnedArtifacts() throws IOException {
        if (pinnedArtifacts == null) {
            pinnedArtifacts = PinnedArtifacts.load(settings.root());
        }
        return pinnedArtifacts;
    }

    private String classpath(Component component) throws IOException {
        Path target = settings.root().resolve(component.module()).resolve("target");
        Path classpathFile = target.resolve("launch-classpath.txt");
        if (!Files.exists(classpathFile)) {
            throw new StackStartFailure(component.module() + " is not built (no " + classpathFile
                    + "): run `mvn -DskipTests package` or ./shop.sh, which builds when needed");
        }
        Path jar;
        try (Stream<Path> files = Files.list(target)) {
            jar = files.filter(p -> p.getFileName().toString().endsWith(".jar"))
                    .filter(p -> !p.getFileName().toString().endsWith("-sources.jar"))
                    .findFirst()
                    .orElseThrow(() -> new StackStartFailure(component.module() + " has no jar in " + target));
        }
        return jar + java.io.File.pathSeparator + Files.readString(classpathFile).strip();
    }

    private void checkPortsFree(Iterable<Component> toStart) {
        List<String> taken = new ArrayList<>();
        for (Component component : toStart) {
            component.ports().forEach((port, purpose) -> {
                if (!isFree(port)) {
                    taken.add("port " + port + " (" + purpose + ") is already in use");
                }
            });
        }
        if (!taken.isEmpty()) {
            throw new StackStartFailure(String.join("\n", taken)
                    + "\nIs another stack running? Stop it (./shop.sh stop) or free these ports.");
        }
    }

    /**
     * Free means nobody answers on loopback (a server bound to 127.0.0.1 only) and the wildcard
     * address can be bound (as Dubbo and the TC bind it:
     * docs/stack-traps.md#10-servers-bind-the-wildcard-address).
     */
    static boolean isFree(int port) {
        if (Readiness.isOpen(port)) {
            return false;
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Records the PIDs of the running components, so `./shop.sh stop` finds a stack whose launcher died. */
    private synchronized void writePidFile() {
        try {
            Files.createDirectories(settings.dataDir());
            StringBuilder lines = new StringBuilder();
            running.forEach((name, process) -> lines.append(process.pid()).append(' ').append(name).append('\n'));
            Files.writeString(settings.dataDir().resolve("stack.pids"), lines.toString());
        } catch (IOException e) {
            progress.accept("could not write the pid file: " + e.getMessage());
        }
    }

    private static void parallel(List<String> names, Consumer<String> action) {
        List<Thread> threads = names.stream().map(name -> new Thread(() -> action.accept(name), "stop-" + name)).toList();
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackStartFailure("interrupted while starting the stack");
        }
    }
}
