package com.shop.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Asks the running launcher ({@code ./shop.sh}) to stop or start one of its components, from another
 * process: {@code ./shop.sh component stop rocketmq} on a game day, or the load driver's broker outage.
 * Only the launcher may start a component — a process started by anyone else would be missing from its
 * PID file and outlive its Ctrl-C — so a request is a file in {@code <data>/control}, carried out by
 * the launcher's watch loop, and answered by a file beside it.
 */
public final class StackControl {

    public enum Action {
        STOP, START;

        static Action parse(String word) {
            return valueOf(word.toUpperCase(Locale.ROOT));
        }
    }

    /**
     * What the launcher does with a request. A refusal (no such component, already running) is an
     * IllegalArgumentException, which the requester gets back as one; any other failure an IllegalStateException.
     */
    @FunctionalInterface
    public interface Handler {
        String carryOut(Action action, String component);
    }

    private static final String REQUEST = ".request";
    private static final String ANSWER = ".answer";
    private static final String REFUSED = "refused: ";
    private static final String FAILED = "failed: ";

    private final Path folder;

    public StackControl(Path dataDir) {
        this.folder = dataDir.resolve("control");
    }

    /**
     * Asks and waits for the launcher's answer. Throws IllegalArgumentException when it refuses, and
     * IllegalStateException when it failed or did not answer in time (no launcher running, or a start
     * slower than the timeout — the launcher then still finishes it).
     */
    public String request(Action action, String component, Duration timeout) throws IOException, InterruptedException {
        Files.createDirectories(folder);
        String id = UUID.randomUUID().toString();
        Path request = folder.resolve(id + REQUEST);
        // Written aside and moved in, so the launcher never reads half a request.
        Path draft = Files.writeString(folder.resolve(id + ".draft"), action.name().toLowerCase(Locale.ROOT) + " " + component);
        Files.move(draft, request, StandardCopyOption.ATOMIC_MOVE);
        Path answer = folder.resolve(id + ANSWER);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!Files.exists(answer)) {
            if (System.nanoTime() > deadline) {
                boolean taken = !Files.deleteIfExists(request);
                throw new IllegalStateException(taken
                        ? "the launcher took '" + action + " " + component + "' but did not finish it within " + timeout.toSeconds() + " s"
                        : "no launcher answered within " + timeout.toSeconds() + " s: is ./shop.sh running on " + folder.getParent() + "?");
            }
            Thread.sleep(100);
        }
        String said = Files.readString(answer);
        Files.delete(answer);
        if (said.startsWith(REFUSED)) {
            throw new IllegalArgumentException(said.substring(REFUSED.length()));
        }
        if (said.startsWith(FAILED)) {
            throw new IllegalStateException(said.substring(FAILED.length()));
        }
        return said;
    }

    /** The launcher's side: carries out every waiting request, oldest first, and answers each. */
    public void serve(Handler handler) throws IOException {
        if (!Files.isDirectory(folder)) {
            return;
        }
        List<Path> waiting;
        try (Stream<Path> files = Files.list(folder)) {
            waiting = files.filter(file -> file.getFileName().toString().endsWith(REQUEST))
                    .sorted((a, b) -> Long.compare(modified(a), modified(b))).toList();
        }
        for (Path request : waiting) {
            String[] words;
            try {
                words = Files.readString(request).trim().split(" ", 2);
                // Taken before it is carried out: a requester that gives up finds it gone and says so.
                Files.delete(request);
            } catch (NoSuchFileException withdrawn) {
                continue; // its requester gave up waiting before we got to it
            }
            String said;
            try {
                if (words.length != 2) {
                    throw new IllegalArgumentException("not a request: " + String.join(" ", words));
                }
                said = handler.carryOut(Action.parse(words[0]), words[1]);
            } catch (IllegalArgumentException refused) {
                said = REFUSED + refused.getMessage();
            } catch (RuntimeException failed) {
                // A start that failed (the component did not come up) must not take the launcher down with it.
                said = FAILED + failed.getMessage();
            }
            String name = request.getFileName().toString();
            Path draft = folder.resolve(name.replace(REQUEST, ".said"));
            Files.writeString(draft, said);
            Files.move(draft, folder.resolve(name.replace(REQUEST, ANSWER)), StandardCopyOption.ATOMIC_MOVE);
        }
    }

    private static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException gone) {
            return Long.MAX_VALUE;
        }
    }
}
