package com.shop.e2e.chaos;

import com.shop.e2e.harness.Shop;
import com.shop.stack.Components;
import com.shop.stack.Stack;
import com.shop.support.fault.FaultPoint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * The soak's fault scheduler. Every few seconds it makes one move, picked at random: arm a fault point
 * in one instance (throw, delay, or halt the JVM when the flow gets there), SIGKILL or gracefully stop
 * an instance of a service or of the TC, take the broker down, or freeze an instance (SIGSTOP: ports
 * open, nothing answered) for a few seconds. A process it took down comes back after a few seconds; a
 * process that died by itself (a HALT fault fired) too. It never takes down the last running instance of
 * a kind on purpose (a HALT armed earlier may still do that), and never MariaDB or Nacos.
 */
final class Chaos implements AutoCloseable {

    private enum Move { THROW, DELAY, HALT, KILL, STOP, BROKER_DOWN, FREEZE }

    /** Weights of the moves, in the order of {@link Move}. */
    private static final int[] WEIGHTS = {20, 15, 10, 20, 5, 10, 20};
    private static final Set<String> NEVER_TOUCHED = Set.of(Components.MARIADB, Components.NACOS);

    /** When an instance was down: from when it went down to when it was ready again (0 while down). */
    private record Outage(String instance, long downNanos, long upNanos) {
    }

    private final Shop shop;
    private final Stack stack;
    private final SoakLog log;
    private final Random random;
    private final Map<String, Long> restartAtNanos = new ConcurrentHashMap<>();
    private final Map<String, Long> downSinceNanos = new ConcurrentHashMap<>();
    private final Set<String> restarting = ConcurrentHashMap.newKeySet();
    private final Set<String> frozen = ConcurrentHashMap.newKeySet();
    private final List<Outage> outages = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> moves = new TreeMap<>();
    private final ExecutorService workers = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "soak-chaos-worker");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Thread> loops = new ArrayList<>();
    private volatile boolean paused;

    Chaos(Shop shop, SoakLog log, long seed) {
        this.shop = shop;
        this.stack = shop.stack();
        this.log = log;
        this.random = new Random(seed);
    }

    /** Starts making a move every {@code minGap} to {@code maxGap}, and bringing back whatever is down. */
    void start(Duration minGap, Duration maxGap) {
        loops.add(loop("soak-chaos", () -> {
            sleep(minGap.toMillis() + random.nextInt((int) (maxGap.toMillis() - minGap.toMillis() + 1)));
            if (!paused && running.get()) {
                move();
            }
        }));
        loops.add(loop("soak-healer", () -> {
            heal();
            sleep(500);
        }));
    }

    /**
     * No new move from now on; whatever is down or frozen comes back at once. Returns when every process
     * runs again (and is ready), or false after {@code atMost}.
     */
    boolean pauseAndHeal(Duration atMost) {
        paused = true;
        long deadline = System.nanoTime() + atMost.toNanos();
        while (System.nanoTime() < deadline) {
            restartAtNanos.replaceAll((name, at) -> Math.min(at, System.nanoTime()));
            boolean allBack = frozen.isEmpty() && restarting.isEmpty() && restartAtNanos.isEmpty()
                    && stack.componentNames().stream().allMatch(stack::isRunning);
            if (allBack) {
                return true;
            }
            sleep(250);
        }
        return false;
    }

    void resume() {
        paused = false;
    }

    /** Whether the instance went down between these two moments (System.nanoTime()), give or take a second. */
    boolean wentDown(String instance, long fromNanos, long toNanos) {
        long slack = 1_000_000_000L;
        return outages.stream().anyMatch(o -> o.instance().equals(instance) && o.downNanos() >= fromNanos - slack
                && o.downNanos() <= toNanos + slack)
                || (downSinceNanos.containsKey(instance) && downSinceNanos.get(instance) <= toNanos + slack);
    }

    /** How often each move was made. */
    synchronized Map<String, Integer> moves() {
        return new TreeMap<>(moves);
    }

    List<Outage> outages() {
        return List.copyOf(outages);
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        for (Thread loop : loops) {
            loop.join(60_000);
        }
        workers.shutdown();
    }

    private void move() {
        Move move = pick();
        try {
            boolean made = switch (move) {
                case THROW, DELAY, HALT -> arm(move);
                case KILL -> takeDown(anyProcess(false), true, 3, 12);
                case STOP -> takeDown(anyProcess(false), false, 3, 12);
                case BROKER_DOWN -> takeDown(available(Components.ROCKETMQ) ? Components.ROCKETMQ : null, true, 5, 15);
                case FREEZE -> freeze(anyProcess(true));
            };
            if (made) {
                synchronized (this) {
                    moves.merge(move.name(), 1, Integer::sum);
                }
            }
        } catch (RuntimeException e) {
            log.note("could not make the move " + move + ": " + e.getMessage());
        }
    }

    private Move pick() {
        int dice = random.nextInt(Arrays.stream(WEIGHTS).sum());
        for (Move move : Move.values()) {
            dice -= WEIGHTS[move.ordinal()];
            if (dice < 0) {
                return move;
            }
        }
        throw new IllegalStateException("weights");
    }

    /** A fault armed at a random point in a random running instance of the point's service. */
    private boolean arm(Move move) {
        FaultPoint point = FaultPoint.values()[random.nextInt(FaultPoint.values().length)];
        List<String> instances = stack.instancesOf(point.service() + "-app").stream().filter(this::available).toList();
        boolean lastOneStanding = instances.size() < stack.instancesOf(point.service() + "-app").size();
        if (instances.isEmpty() || (move == Move.HALT && lastOneStanding)) {
            return false;
        }
        String instance = instances.get(random.nextInt(instances.size()));
        long delayMillis = move == Move.DELAY ? 1_000 + random.nextInt(3_000) : 0;
        int times = move == Move.HALT ? 1 : 1 + random.nextInt(3);
        shop.armAt(instance, point.id(), move.name(), delayMillis, times);
        log.fault("armed " + move + (delayMillis > 0 ? " " + delayMillis + " ms" : "") + " ×" + times + " at "
                + point.id() + " in " + instance);
        return true;
    }

    /** SIGKILL or SIGTERM; back after {@code minSeconds} to {@code maxSeconds}. */
    private boolean takeDown(String victim, boolean kill, int minSeconds, int maxSeconds) {
        if (victim == null) {
            return false;
        }
        int downSeconds = minSeconds + random.nextInt(maxSeconds - minSeconds + 1);
        restartAtNanos.put(victim, Long.MAX_VALUE);
        downSinceNanos.put(victim, System.nanoTime());
        log.fault((kill ? "SIGKILL to " : "graceful stop of ") + victim + ", started again " + downSeconds + " s later");
        workers.submit(() -> {
            if (kill) {
                stack.kill(victim);
            } else {
                stack.stop(victim);
            }
            restartAtNanos.put(victim, System.nanoTime() + downSeconds * 1_000_000_000L);
        });
        return true;
    }

    /** SIGSTOP for 2–5 s, then SIGCONT. */
    private boolean freeze(String victim) {
        if (victim == null) {
            return false;
        }
        long millis = 2_000 + random.nextInt(3_000);
        frozen.add(victim);
        stack.freeze(victim);
        log.fault("froze " + victim + " (SIGSTOP) for " + millis + " ms");
        workers.submit(() -> {
            sleep(millis);
            try {
                stack.thaw(victim);
            } finally {
                frozen.remove(victim);
            }
        });
        return true;
    }

    /**
     * A random running instance of the TC or a service whose every instance runs (so one stays), or of the
     * broker too when {@code brokerToo}; null when there is none.
     */
    private String anyProcess(boolean brokerToo) {
        List<String> kinds = new ArrayList<>(List.of(Components.SEATA));
        kinds.addAll(Components.SERVICES);
        if (brokerToo) {
            kinds.add(Components.ROCKETMQ);
        }
        List<String> candidates = kinds.stream().filter(kind -> stack.instancesOf(kind).stream().allMatch(this::available))
                .flatMap(kind -> stack.instancesOf(kind).stream()).toList();
        return candidates.isEmpty() ? null : candidates.get(random.nextInt(candidates.size()));
    }

    /** Running, and not frozen, held down or coming back. */
    private boolean available(String name) {
        return stack.isRunning(name) && !frozen.contains(name) && !restartAtNanos.containsKey(name)
                && !restarting.contains(name);
    }

    /** Brings back what was taken down once its time is up, and what died by itself (a HALT fault) soon. */
    private void heal() {
        long now = System.nanoTime();
        for (String name : stack.componentNames()) {
            if (NEVER_TOUCHED.contains(name) || frozen.contains(name) || restarting.contains(name) || stack.isRunning(name)) {
                continue;
            }
            Long at = restartAtNanos.get(name);
            if (at == null) {
                downSinceNanos.put(name, now);
                restartAtNanos.put(name, now + 2_000_000_000L);
                log.fault(name + " crashed (a HALT fault fired), started again 2 s later");
            } else if (now >= at) {
                restarting.add(name);
                workers.submit(() -> restart(name));
            }
        }
    }

    private void restart(String name) {
        long began = System.nanoTime();
        try {
            stack.start(name);
            long down = downSinceNanos.getOrDefault(name, began);
            downSinceNanos.remove(name);
            outages.add(new Outage(name, down, System.nanoTime()));
            restartAtNanos.remove(name);
            log.recovery(String.format("%s ready again, %.1f s after it went down (its start took %.1f s)", name,
                    (System.nanoTime() - down) / 1e9, (System.nanoTime() - began) / 1e9));
        } catch (RuntimeException e) {
            String why = e.getMessage().lines().findFirst().orElse("");
            if (stack.isRunning(name)) {
                // Alive and never ready: no supervisor would restart it. A process that exits is restarted below.
                log.anomaly(name + " hung in its start: " + why);
                stack.kill(name);
            } else {
                log.note(name + " exited during its start (" + why + "), started again 5 s later");
            }
            restartAtNanos.put(name, System.nanoTime() + 5_000_000_000L);
        } finally {
            restarting.remove(name);
        }
    }

    private Thread loop(String name, Runnable step) {
        Thread thread = new Thread(() -> {
            while (running.get()) {
                try {
                    step.run();
                } catch (RuntimeException e) {
                    log.note(name + " failed a step: " + e);
                }
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static void sleep(long millis) {
        LockSupport.parkNanos(millis * 1_000_000);
    }
}
