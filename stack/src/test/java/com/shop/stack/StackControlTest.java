package com.shop.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackControlTest {

    @TempDir
    java.nio.file.Path dataDir;

    private final ExecutorService requester = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        requester.shutdownNow();
    }

    @Test
    void theLauncherCarriesOutARequestAndTheRequesterGetsItsAnswer() throws Exception {
        List<String> carriedOut = new CopyOnWriteArrayList<>();
        Future<String> answer = requester.submit(() ->
                new StackControl(dataDir).request(StackControl.Action.STOP, "rocketmq", Duration.ofSeconds(10)));

        serveUntilDone(answer, (action, component) -> {
            carriedOut.add(action + " " + component);
            return "stopped " + component;
        });

        assertThat(answer.get()).isEqualTo("stopped rocketmq");
        assertThat(carriedOut).containsExactly("STOP rocketmq");
    }

    @Test
    void aRefusalReachesTheRequesterAsOne() throws Exception {
        Future<String> answer = requester.submit(() ->
                new StackControl(dataDir).request(StackControl.Action.START, "rocketmq", Duration.ofSeconds(10)));

        serveUntilDone(answer, (action, component) -> {
            throw new IllegalArgumentException(component + " is already running");
        });

        assertThatThrownBy(answer::get).hasCauseInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rocketmq is already running");
    }

    @Test
    void aFailedStartIsAnsweredAndTheLauncherServesOn() throws Exception {
        Future<String> failed = requester.submit(() ->
                new StackControl(dataDir).request(StackControl.Action.START, "rocketmq", Duration.ofSeconds(10)));
        serveUntilDone(failed, (action, component) -> {
            throw new StackStartFailure(component + " did not become ready");
        });
        assertThatThrownBy(failed::get).hasCauseInstanceOf(IllegalStateException.class)
                .hasMessageContaining("rocketmq did not become ready");

        Future<String> next = requester.submit(() ->
                new StackControl(dataDir).request(StackControl.Action.START, "rocketmq", Duration.ofSeconds(10)));
        serveUntilDone(next, (action, component) -> "started");
        assertThat(next.get()).isEqualTo("started");
    }

    @Test
    void withNoLauncherTheRequesterGivesUpAndLeavesNoRequestBehind() throws Exception {
        assertThatThrownBy(() -> new StackControl(dataDir).request(StackControl.Action.STOP, "rocketmq", Duration.ofMillis(300)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no launcher answered");

        List<String> carriedOut = new CopyOnWriteArrayList<>();
        new StackControl(dataDir).serve((action, component) -> {
            carriedOut.add(component);
            return "done";
        });
        assertThat(carriedOut).as("a launcher started later must not act on a withdrawn request").isEmpty();
    }

    private void serveUntilDone(Future<String> answer, StackControl.Handler handler) throws Exception {
        StackControl launcher = new StackControl(dataDir);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!answer.isDone() && System.nanoTime() < deadline) {
            launcher.serve(handler);
            Thread.sleep(20);
        }
    }
}
