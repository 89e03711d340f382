package com.shop.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
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
 *
 * <p>One instance of each by default; with more, every service and the TC (when the stack runs one)
 * get that many instances, each its own process ({@link Components#instance}: goods-app-2), side by
 * side in Nacos: Dubbo balances between the providers, the clients between the TCs.
 */
public final class Stack implements AutoCloseable {

    private final StackSettings settings;
    private final Consumer<String> progress;
    private final Map<String, Component> components = new LinkedHashMap<>();
    private final Map<String, ManagedProcess> running = new ConcurrentHashMap<>();
    private final LaunchCommand launchCommand;
    private final PidFile pidFile;

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    /** Progress as "[stack 12:34:56] …" lines on standard output: a stack a test run or a benchmark starts. */
    public static Consumer<String> printedProgress() {
        return message -> System.out.println("[stack " + LocalTime.now().format(CLOCK) + "] " + message);
    }

    /** Deletes a stack's data directory (databases, logs, pid file) for a fresh start; nothing if it is absent. */
    public static void deleteDataDir(Path dataDir) {
        if (!Files.exists(dataDir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dataDir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete " + dataDir, e);
        }
    }

    public Stack(StackSettings settings, Consumer<String> progress) {
        this(settings, 1, progress);
    }

    public Stack(StackSettings settings, int instances, Consumer<String> progress) {
        this.settings = settings;
        this.progress = progress;
        this.launchCommand = new LaunchCommand(settings.root());
        this.pidFile = new PidFile(settings.dataDir());
        if (settings.embeddedDb()) {
            add(Components.mariadb(settings));
        }
        if (settings.embeddedNacos()) {
            add(Components.nacos(settings));
        }
        if (settings.embeddedRocketMq()) {
            add(Components.rocketmq(settings));
        }
        addInstances(instances);
    }

    /**
     * Adds instances up to the n-th of the TC (when this stack runs one) and of every service, not started
     * ({@link #startAll} or {@link #start} does); returns the names of those it added.
     */
    public synchronized List<String> addInstances(int instances) {
        List<Component> wanted = new ArrayList<>();
        for (int instance = 1; instance <= instances; instance++) {
            if (settings.embeddedSeata()) {
                wanted.add(Components.seata(settings, instance));
            }
            for (String service : Components.SERVICES) {
                wanted.add(Components.service(settings, service, instance));
            }
        }
        List<String> added = new ArrayList<>();
        for (Component component : wanted) {
            if (components.putIfAbsent(component.name(), component) == null) {
                added.add(component.name());
            }
        }
        return added;
    }

    /** Stops every instance but the first of each component, and forgets them: one of each again. */
    public synchronized void removeExtraInstances() {
        List<String> extra = components.keySet().stream().filter(name -> Components.instanceNumber(name) > 1).toList();
        StopOrder.stopAll(extra, this::stop);
        extra.forEach(components::remove);
    }

    private void add(Component component) {
        components.put(component.name(), component);
    }

    /** The names of every instance of a kind in this stack (seata-server → seata-server, seata-server-2). */
    public List<String> instancesOf(String kind) {
        return components.keySet().stream().filter(name -> Components.kind(name).equals(kind)).toList();
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
            PortCheck.requireFree(components.values());
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

            instancesOf(Components.SEATA).forEach(this::launch);
            instancesOf(Components.SEATA).forEach(this::await);
            awaitIfPresent(Components.ROCKETMQ);

            List<String> services = Components.SERVICES.stream().flatMap(kind -> instancesOf(kind).stream()).toList();
            services.forEach(this::launch);
            services.forEach(this::await);
            progress.accept(String.format("stack ready in %.1f s", (System.nanoTime() - began) / 1e9));
        } catch (StackStartFailure e) {
            stopAll();
            throw e;
        } catch (Exception e) {
            stopAll();
            throw new StackStartFailure("Stack start failed: " + e.getMessage(), e);
        }
    }

    /** Stops every running component in {@link StopOrder}. */
    public void stopAll() {
        StopOrder.stopAll(List.copyOf(components.keySet()), this::stop);
        writePidFile();
    }

    @Override
    public void close() {
        stopAll();
    }

    /** Starts one component and waits until it is ready. */
    public void start(String name) {
        startWith(name, Map.of());
    }

    /** Starts these components side by side and returns once every one is ready. */
    public void startTogether(List<String> names) {
        names.forEach(this::launch);
        names.forEach(this::await);
    }

    /** Starts a component with variables of its own over the stack's: a one-off setting, such as a test's. */
    public void startWith(String name, Map<String, String> environment) {
        launch(name, environment);
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

    /** SIGSTOP to the process and its children: it keeps its ports and connections and answers nothing until {@link #thaw}. */
    public void freeze(String name) {
        progress.accept("freezing " + name + " (pid " + pid(name) + ")");
        running.get(name).signal("STOP");
    }

    /** SIGCONT: a frozen process goes on where it stopped. */
    public void thaw(String name) {
        progress.accept("thawing " + name + " (pid " + pid(name) + ")");
        running.get(name).signal("CONT");
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
        return ResidentMemory.bytes(running.values());
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
        launch(name, Map.of());
    }

    private void launch(String name, Map<String, String> environment) {
        Component component = components.get(name);
        if (component == null) {
            throw new IllegalArgumentException("No component " + name + " in this stack: " + components.keySet());
        }
        if (isRunning(name)) {
            throw new IllegalStateException(name + " is already running");
        }
        PortCheck.requireFree(List.of(component));
        try {
            Path workDir = settings.dataDir().resolve("run").resolve(name);
            Files.createDirectories(workDir);
            Map<String, String> childEnvironment = new LinkedHashMap<>(settings.childEnvironment());
            childEnvironment.putAll(component.environment());
            childEnvironment.putAll(environment);
            ManagedProcess process = ManagedProcess.start(name, launchCommand.of(component), childEnvironment, workDir,
                    logFile(name));
            running.put(name, process);
            writePidFile();
            progress.accept("started " + name + " (pid " + process.pid() + "), log " + logFile(name));
        } catch (IOException e) {
            throw new StackStartFailure("Could not start " + name + ": " + e.getMessage(), e);
        }
    }

    private void await(String name) {
        Readiness.await(components.get(name), running.get(name), progress);
    }

    private void writePidFile() {
        try {
            pidFile.write(running);
        } catch (IOException e) {
            progress.accept("could not write the pid file: " + e.getMessage());
        }
    }
}
