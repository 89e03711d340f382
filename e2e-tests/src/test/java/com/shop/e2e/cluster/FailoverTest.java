package com.shop.e2e.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.shop.e2e.harness.Shop;
import com.shop.e2e.harness.StackExtension;
import com.shop.e2e.harness.SteadyTraffic;
import com.shop.e2e.harness.Answer;
import com.shop.stack.Components;
import com.shop.stack.Stack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two TCs and two instances of every service, under steady checkout and payment traffic, while one
 * TC, then one instance of every provider, then one order-app is SIGKILLed and started again. Every
 * request is answered (a failure is a 5xx with a code, in well under the time a hung request would
 * take), traffic is served normally again within a bound, and afterwards every invariant holds with
 * no undo_log row, global session or global lock left, and nothing lost or done twice.
 *
 * <p>The second instances are started for this class and stopped after it: the rest of the suite
 * runs against one of each. The figures of each kill go to {@code target/failover-report.md}.
 */
@ExtendWith(StackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FailoverTest {

    /** Clients of the steady traffic, and each one's pause between purchases: about 10 checkouts a second. */
    private static final int CLIENTS = 4;
    private static final long PAUSE_MILLIS = 200;
    /**
     * No answer may come later than the 10 s global-transaction timeout, plus 2 s for a busy 2-core machine:
     * a request that a dead process would make hang must fail in time.
     */
    private static final Duration LONGEST_ANSWER = Duration.ofSeconds(12);
    /** Served normally again: this many checkouts in a row answered 201. */
    private static final int NORMAL_RUN = 10;
    private static final Duration BACK_TO_NORMAL_WITHIN = Duration.ofSeconds(60);

    private static final List<String> PROVIDERS = List.of(Components.GOODS, Components.COUPON, Components.USER,
            Components.PAY);

    private final Shop shop;
    private final Stack stack;
    private final List<String> report = new ArrayList<>();

    FailoverTest(Shop shop) {
        this.shop = shop;
        this.stack = shop.stack();
    }

    @BeforeAll
    void twoOfEverything() throws Exception {
        List<String> added = stack.addInstances(2);
        stack.startTogether(added);
        shop.awaitRegistered(2);
        report.add("# Fail-over under traffic\n\n" + CLIENTS + " clients buying and paying, " + PAUSE_MILLIS
                + " ms apart, over two TCs and two instances of every service.\n");
    }

    @AfterAll
    void oneOfEachAgain() throws Exception {
        stack.removeExtraInstances();
        shop.everythingRunningAndDisarmed();
        shop.awaitRegistered(1);
        Path file = Path.of("target/failover-report.md");
        Files.writeString(file, String.join("\n", report) + "\n");
        System.out.println(String.join("\n", report));
    }

    @Test
    @Order(1)
    void oneTcKilledUnderTrafficLeavesTheOtherToServeAndLosesNothing() {
        failOver("one TC (" + Components.SEATA + ")", List.of(Components.SEATA));
    }

    @Test
    @Order(2)
    void oneInstanceOfEveryProviderKilledUnderTrafficLosesNothing() {
        failOver("one instance of every provider", PROVIDERS);
    }

    @Test
    @Order(3)
    void oneOrderAppKilledUnderTrafficLosesNothing() {
        failOver("one order-app", List.of(Components.ORDER));
    }

    /**
     * Traffic first, served normally; then the kill; the survivors must serve normally again; then the
     * killed processes come back and traffic must be normal once more. Afterwards: every answer clean
     * and in time, every invariant, every placed order there once and every paid one paid.
     */
    private void failOver(String what, List<String> victims) {
        try (SteadyTraffic traffic = SteadyTraffic.start(shop, CLIENTS, PAUSE_MILLIS)) {
            long began = System.nanoTime();
            awaitNormalSince(traffic, began, "before the kill");

            long killed = System.nanoTime();
            victims.forEach(stack::kill);
            long normalAgain = awaitNormalSince(traffic, killed, "after killing " + what);

            long restarted = System.nanoTime();
            stack.startTogether(victims);
            long normalAfterRestart = awaitNormalSince(traffic, restarted, "after restarting " + what);
            traffic.close();

            report(what, traffic, killed, normalAgain, restarted, normalAfterRestart);
            assertEveryAnswerCleanAndInTime(traffic, victims, killed, restarted);
            assertNothingLostOrDoneTwice(traffic);
        }
    }

    /** Waits until {@link #NORMAL_RUN} checkouts sent after {@code since} were answered 201 in a row; when the run began. */
    private long awaitNormalSince(SteadyTraffic traffic, long since, String when) {
        await("checkouts served normally " + when).atMost(BACK_TO_NORMAL_WITHIN).pollInterval(Duration.ofMillis(200))
                .until(() -> normalRunStart(traffic, since).isPresent());
        return normalRunStart(traffic, since).getAsLong();
    }

    /** When the first run of {@link #NORMAL_RUN} checkouts in a row answered 201, sent after {@code since}, began. */
    private static OptionalLong normalRunStart(SteadyTraffic traffic, long since) {
        List<Answer> checkouts = traffic.sentBetween(since, Long.MAX_VALUE).stream()
                .filter(a -> a.request().equals("checkout"))
                .sorted(Comparator.comparingLong(Answer::startedNanos)).toList();
        int run = 0;
        for (int i = 0; i < checkouts.size(); i++) {
            run = checkouts.get(i).ok() ? run + 1 : 0;
            if (run == NORMAL_RUN) {
                return OptionalLong.of(checkouts.get(i - NORMAL_RUN + 1).startedNanos());
            }
        }
        return OptionalLong.empty();
    }

    private void assertEveryAnswerCleanAndInTime(SteadyTraffic traffic, List<String> victims, long killed,
                                                 long restarted) {
        for (Answer answer : traffic.answers()) {
            String sent = String.format("sent %.1f s after the kill, %.1f s after the restart",
                    (answer.startedNanos() - killed) / 1e9, (answer.startedNanos() - restarted) / 1e9);
            if (answer.dropped()) {
                // Only a killed process drops a connection (and the client sent the request again elsewhere).
                assertThat(victims).as("%s dropped by %s, which was not killed", answer.request(), answer.instance())
                        .contains(answer.instance());
                continue;
            }
            assertThat(answer.clean()).as("%s answered by %s: %s", answer.request(), answer.instance(), answer.outcome())
                    .isTrue();
            assertThat(answer.outcome()).as("%s answered by %s", answer.request(), answer.instance()).doesNotStartWith("500");
            assertThat(answer.tookMillis()).as("%s answered by %s with %s, %s", answer.request(), answer.instance(),
                    answer.outcome(), sent).isLessThan(LONGEST_ANSWER.toMillis());
        }
    }

    private void assertNothingLostOrDoneTwice(SteadyTraffic traffic) {
        shop.invariants().awaitHold(Duration.ofSeconds(120));
        for (SteadyTraffic.Placed placed : traffic.placed()) {
            assertThat(shop.db().count("shop_order", "SELECT COUNT(*) FROM trade_order WHERE request_id = ?",
                    placed.requestId())).as("orders of request %s, answered 201", placed.requestId()).isEqualTo(1);
        }
        for (long orderId : traffic.paid()) {
            shop.awaitOrderPaid(orderId, Duration.ofSeconds(60));
        }
    }

    private void report(String what, SteadyTraffic traffic, long killed, long normalAgain, long restarted,
                        long normalAfterRestart) {
        List<Answer> duringKill = traffic.sentBetween(killed, normalAgain);
        List<Answer> duringRestart = traffic.sentBetween(restarted, normalAfterRestart);
        long slowest = traffic.answers().stream().mapToLong(Answer::tookMillis).max().orElse(0);
        report.add("## " + what + " SIGKILLed, then started again\n");
        report.add("| | value |\n| --- | --- |");
        report.add("| requests answered in all | " + traffic.answers().size() + " (" + traffic.placed().size()
                + " orders placed, " + traffic.paid().size() + " paid) |");
        report.add(String.format("| kill → traffic served normally again | %.1f s |", (normalAgain - killed) / 1e9));
        report.add("| requests sent in that time, by answer | " + Answer.outcomes(duringKill) + " |");
        report.add(String.format("| restart → traffic served normally again | %.1f s |",
                (normalAfterRestart - restarted) / 1e9));
        report.add("| requests sent in that time, by answer | " + Answer.outcomes(duringRestart) + " |");
        report.add("| slowest answer | " + slowest + " ms |");
        report.add("| all answers | " + Answer.outcomes(traffic.answers()) + " |\n");
    }
}
