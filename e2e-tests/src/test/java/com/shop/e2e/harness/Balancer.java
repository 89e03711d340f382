package com.shop.e2e.harness;

import com.shop.stack.Http;
import com.shop.stack.Ports;
import com.shop.stack.Stack;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

/**
 * Spreads requests over every instance of a service the way a load balancer with health checks
 * does: round robin; an instance that refuses the connection (or does not accept it in time) is skipped; a request whose
 * connection breaks with the process behind it is recorded as dropped and sent again to another
 * instance, the same request (a checkout keeps its request id, a callback its nonce: both are
 * idempotent). Every answer is recorded with its latency and the instance that gave it.
 */
public final class Balancer {

    private final Stack stack;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicInteger turn = new AtomicInteger();
    private final List<Answer> answers = new CopyOnWriteArrayList<>();

    public Balancer(Stack stack) {
        this.stack = stack;
    }

    /**
     * Sends the request to the next running instance of the service until one answers; null only once
     * {@link #stop()} was called (a request in flight still gets its answer).
     */
    public Http.Response send(String request, String service, Function<String, Http.Response> call) {
        while (running.get()) {
            List<String> instances = stack.instancesOf(service);
            String instance = instances.get(Math.floorMod(turn.getAndIncrement(), instances.size()));
            long started = System.nanoTime();
            try {
                Http.Response response = call.apply(Ports.url(instance));
                answers.add(new Answer(request, instance, started, millisSince(started), outcome(response)));
                return response;
            } catch (UncheckedIOException failed) {
                // Refused, or no connection within the connect timeout (a frozen instance's backlog full): nothing was sent.
                boolean notSent = failed.getCause() instanceof ConnectException
                        || failed.getCause() instanceof HttpConnectTimeoutException;
                if (!notSent) {
                    answers.add(new Answer(request, instance, started, millisSince(started),
                            Answer.DROPPED + " (" + failed.getCause().getClass().getSimpleName() + ")"));
                }
                LockSupport.parkNanos(50_000_000);
            }
        }
        return null;
    }

    /** Sends nothing more: a request waiting for an instance gives up. */
    public void stop() {
        running.set(false);
    }

    public boolean running() {
        return running.get();
    }

    public List<Answer> answers() {
        return List.copyOf(answers);
    }

    /** The answers to requests sent at or after {@code fromNanos} and before {@code toNanos} (System.nanoTime()). */
    public List<Answer> sentBetween(long fromNanos, long toNanos) {
        return answers.stream().filter(a -> a.startedNanos() >= fromNanos && a.startedNanos() < toNanos).toList();
    }

    private static long millisSince(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }

    private static String outcome(Http.Response response) {
        try {
            return response.outcome();
        } catch (UncheckedIOException notJson) {
            return response.status() + " (no error code)";
        }
    }
}
