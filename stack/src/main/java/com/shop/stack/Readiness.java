package com.shop.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.function.Consumer;

/** How the supervisor knows a component can serve: polled until true or the start times out. */
@FunctionalInterface
interface Readiness {

    Duration POLL = Duration.ofMillis(500);
    Duration PROGRESS_EVERY = Duration.ofSeconds(10);

    boolean isReady(ManagedProcess process);

    /** The component prints this line itself once it is fully usable (our infra mains do). */
    static Readiness logLine(String line) {
        return process -> process.logContains(line);
    }

    static Readiness tcpOpen(int port) {
        return process -> isOpen(port);
    }

    /** HTTP 200 whose body contains the marker (e.g. {@code "status":"UP"}). */
    static Readiness http(String url, String bodyMarker) {
        return process -> {
            try {
                Http.Response response = Http.send(HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(3)).GET());
                return response.status() == 200 && response.body().contains(bodyMarker);
            } catch (UncheckedIOException e) {
                return false;
            }
        };
    }

    default Readiness and(Readiness other) {
        return process -> isReady(process) && other.isReady(process);
    }

    static boolean isOpen(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The launcher's one wait: polls the component's check until it passes, saying every few seconds
     * that it still waits; fails with the end of its log when the process exits or the start times out.
     * A plain loop, not Awaitility: that is a test library, and the launcher ships without it.
     */
    static void await(Component component, ManagedProcess process, Consumer<String> progress) {
        long start = System.nanoTime();
        long deadline = start + component.startTimeout().toNanos();
        long nextProgress = start + PROGRESS_EVERY.toNanos();
        while (!component.readiness().isReady(process)) {
            if (!process.isAlive()) {
                throw new StackStartFailure(component.name() + " exited during start (exit code " + process.exitCode()
                        + "). Last lines of " + process.logFile() + ":\n" + process.tail(25));
            }
            long now = System.nanoTime();
            if (now > deadline) {
                throw new StackStartFailure(component.name() + " was not ready within "
                        + component.startTimeout().toSeconds() + " s. Last lines of " + process.logFile() + ":\n"
                        + process.tail(25));
            }
            if (now > nextProgress) {
                progress.accept(String.format("waiting for %s (%d s)", component.name(), (now - start) / 1_000_000_000L));
                nextProgress = now + PROGRESS_EVERY.toNanos();
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StackStartFailure("interrupted while starting the stack");
            }
        }
        progress.accept(String.format("%s ready (%.1f s)", component.name(), (System.nanoTime() - start) / 1e9));
    }
}
