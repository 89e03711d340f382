package com.shop.load;

import com.shop.api.order.PayStatus;
import com.shop.stack.Components;
import com.shop.stack.PaymentPlatform;
import com.shop.stack.StackControl;
import com.shop.stack.StackSettings;
import com.shop.support.web.Money;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** {@code ./load.sh callback}: payment callbacks at a steady rate, the broker up, stopped and started again. */
final class PaymentCallbackScenario implements Scenario {

    private static final BigDecimal CALLBACK_AMOUNT = new BigDecimal("70.00");

    private final StackSettings settings;
    private final Path results;

    PaymentCallbackScenario(LoadContext context) {
        this.settings = context.settings();
        this.results = context.results();
    }

    /**
     * Payment callbacks at a steady rate: with the broker up (acknowledgement times, and acknowledgement →
     * order paid), then with the broker stopped by the launcher (acknowledgements only: the outbox holds
     * the events), then after the launcher started it again (until every accepted callback's order is
     * paid and the outbox is empty). Callbacks refused along the way are sent again at the end, as the
     * platform would, and every order of the run must end up paid.
     */
    @Override
    public Map<String, Object> run(LoadOptions options) throws Exception {
        int rate = options.integer("rate", 100);
        int seconds = options.integer("seconds", 30);
        int warmup = options.integer("warmup", 60);
        if (rate < 1 || seconds < 1 || warmup < 1) {
            throw new IllegalArgumentException("--rate, --seconds and --warmup must be at least 1");
        }
        PaymentPlatform platform = PaymentPlatform.of(settings);
        StackControl launcher = new StackControl(settings.dataDir());
        List<CallbackPhase> phases = new ArrayList<>();
        // Every fixture first, so seeding never overlaps a measurement; a second's worth spare per phase.
        try (Fixtures fixtures = new Fixtures(settings)) {
            phases.add(new CallbackPhase("warm-up", fixtures.unpaidOrders((1 + rate) * warmup / 2 + rate, CALLBACK_AMOUNT),
                    1, rate, warmup, platform));
            for (String name : List.of("broker up", "broker down")) {
                phases.add(new CallbackPhase(name, fixtures.unpaidOrders(rate * seconds + rate, CALLBACK_AMOUNT),
                        rate, rate, seconds, platform));
            }
        }
        CallbackPhase warm = phases.get(0);
        CallbackPhase up = phases.get(1);
        CallbackPhase down = phases.get(2);
        System.out.printf("payment callbacks: %d/s, %d s per phase, warm-up ramping to it over %d s%n", rate, seconds, warmup);

        // The warm-up's events drain before the measured phase, so it starts with idle consumers.
        sendCallbacks(warm);
        PaidWatcher.watch(settings, warm, Duration.ofSeconds(120));

        CompletableFuture<Boolean> watchingUp = CompletableFuture.supplyAsync(() ->
                PaidWatcher.watch(settings, up, Duration.ofSeconds(seconds + 120L)));
        Path upReport = sendCallbacks(up);
        boolean upAllPaid = watchingUp.join();

        System.out.println(launcher.request(StackControl.Action.STOP, Components.ROCKETMQ, Duration.ofMinutes(5)));
        Path downReport = sendCallbacks(down);
        long outboxWhileDown = outboxRows();

        // Watching from before the restart, so the first orders paid are seen as they are paid.
        long restart = System.nanoTime();
        CompletableFuture<Boolean> draining = CompletableFuture.supplyAsync(() ->
                PaidWatcher.watch(settings, down, Duration.ofSeconds(300)));
        System.out.println(launcher.request(StackControl.Action.START, Components.ROCKETMQ, Duration.ofMinutes(5)));
        double brokerStartSeconds = (System.nanoTime() - restart) / 1e9;
        boolean downAllPaid = draining.join();
        long outboxAfterDrain = outboxRowsOnceSettled();

        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("scenario", "payment callbacks, broker up and down");
        summary.put("ratePerSecond", rate);
        summary.put("secondsPerPhase", seconds);
        summary.put("warmupSeconds", warmup);
        Map<String, Object> brokerUp = callbackPhaseSummary(up, upReport);
        brokerUp.put("ackToPaidMs", ackToPaid(up));
        brokerUp.put("everyAcceptedOrderPaid", upAllPaid);
        summary.put("brokerUp", brokerUp);
        Map<String, Object> brokerDown = callbackPhaseSummary(down, downReport);
        brokerDown.put("outboxRowsAtEndOfPhase", outboxWhileDown);
        brokerDown.put("brokerStartSeconds", Numbers.round1(brokerStartSeconds));
        brokerDown.put("everyAcceptedOrderPaid", downAllPaid);
        brokerDown.put("lastPaidAfterRestartSeconds", Numbers.round1(lastPaidAfter(down, restart)));
        brokerDown.put("outboxRowsAfterDrain", outboxAfterDrain);
        summary.put("brokerDown", brokerDown);
        summary.put("afterwards", settleRefused(platform, phases));
        return summary;
    }

    private Path sendCallbacks(CallbackPhase phase) throws IOException {
        LoadPlan.next(phase);
        Path report = GatlingRun.run(PaymentCallbackSimulation.class, results.resolve("gatling"),
                "payment callbacks, " + phase.name() + ", " + phase.rate() + "/s");
        phase.allSent();
        Outcomes.Times times = phase.outcomes().times(phase.name());
        System.out.printf("%s: %d callbacks, answers %s, ack p50 %d ms, p99 %d ms%n", phase.name(), phase.dispatched(),
                phase.outcomes().snapshot().get(phase.name()), times.p50Ms(), times.p99Ms());
        return report;
    }

    private static Map<String, Object> callbackPhaseSummary(CallbackPhase phase, Path report) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("report", report.resolve("index.html").toString());
        result.put("callbacks", phase.dispatched());
        result.put("answers", phase.outcomes().snapshot().getOrDefault(phase.name(), Map.of()));
        result.put("ackMs", phase.outcomes().times(phase.name()));
        return result;
    }

    /** From the callback's acknowledgement (the platform has it) to its order seen paid, for the accepted ones seen. */
    private static Outcomes.Times ackToPaid(CallbackPhase phase) {
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < phase.dispatched(); i++) {
            if (phase.wasAccepted(i) && phase.seenPaidAt(i) != 0) {
                millis.add(Math.max(0, (phase.seenPaidAt(i) - phase.answeredAt(i)) / 1_000_000));
            }
        }
        return Outcomes.Times.of(millis);
    }

    private static double lastPaidAfter(CallbackPhase phase, long since) {
        long last = since;
        for (int i = 0; i < phase.dispatched(); i++) {
            last = Math.max(last, phase.seenPaidAt(i));
        }
        return (last - since) / 1e9;
    }

    /**
     * Every callback refused (503) or unanswered, and every spare payment never sent, is sent again one by one,
     * each until accepted, as the platform retries; then every order of the run must turn paid, and the outbox
     * empty. Nothing refused under load may be lost, and no order is left unpaid to skew a later run.
     */
    private Map<String, Object> settleRefused(PaymentPlatform platform, List<CallbackPhase> phases) throws Exception {
        int refused = 0;
        int spare = 0;
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        for (CallbackPhase phase : phases) {
            LoadPlan.UnpaidOrders orders = phase.orders();
            for (int i = 0; i < orders.count(); i++) {
                boolean sent = i < phase.dispatched();
                if (sent && phase.wasAccepted(i)) {
                    continue;
                }
                refused += sent ? 1 : 0;
                spare += sent ? 0 : 1;
                while (platform.postCallback(platform.successCallback(String.valueOf(orders.pay(i)),
                        String.valueOf(orders.order(i)), Money.format(orders.amount()))).status() != 200) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("pay-app kept refusing callbacks for 10 minutes");
                    }
                    Thread.sleep(100);
                }
            }
        }
        long unpaid = unpaidOrders(phases);
        while (unpaid > 0 && System.nanoTime() < deadline) {
            Thread.sleep(500);
            unpaid = unpaidOrders(phases);
        }
        long seeded = phases.stream().mapToLong(phase -> phase.orders().count()).sum();
        Map<String, Object> settled = new LinkedHashMap<>();
        settled.put("refusedOrUnansweredSentAgain", refused);
        settled.put("sparePaymentsPaidToo", spare);
        settled.put("ordersOfTheRun", seeded);
        settled.put("ordersLeftUnpaid", unpaid);
        settled.put("outboxRowsLeft", outboxRowsOnceSettled());
        System.out.printf("sent again until accepted: %d refused or unanswered callbacks (and %d spare payments); "
                + "orders of the run left unpaid: %d of %d%n", refused, spare, unpaid, seeded);
        if (unpaid > 0) {
            throw new IllegalStateException(unpaid + " orders of the run are still unpaid 10 minutes after their callbacks "
                    + "were accepted: " + settled);
        }
        return settled;
    }

    private long unpaidOrders(List<CallbackPhase> phases) throws SQLException {
        long unpaid = 0;
        try (Connection db = connect("shop_order")) {
            for (CallbackPhase phase : phases) {
                LoadPlan.UnpaidOrders orders = phase.orders();
                try (PreparedStatement query = db.prepareStatement("SELECT COUNT(*) FROM trade_order "
                        + "WHERE order_id BETWEEN ? AND ? AND pay_status <> " + PayStatus.PAID.code())) {
                    query.setLong(1, orders.order(0));
                    query.setLong(2, orders.order(orders.count() - 1));
                    try (ResultSet row = query.executeQuery()) {
                        row.next();
                        unpaid += row.getLong(1);
                    }
                }
            }
        }
        return unpaid;
    }

    private long outboxRows() throws SQLException {
        try (Connection db = connect("shop_pay");
             ResultSet row = db.createStatement().executeQuery("SELECT COUNT(*) FROM trade_mq_producer_temp")) {
            row.next();
            return row.getLong(1);
        }
    }

    /** The relay deletes a row in a transaction of its own after the send, so a consumer can be quicker: a moment's grace. */
    private long outboxRowsOnceSettled() throws SQLException, InterruptedException {
        long rows = outboxRows();
        for (int wait = 0; rows > 0 && wait < 100; wait++) {
            Thread.sleep(100);
            rows = outboxRows();
        }
        return rows;
    }

    private Connection connect(String database) throws SQLException {
        return LoadDatabases.connect(settings, database);
    }
}
