package com.shop.load;

import com.shop.api.order.PayStatus;
import com.shop.stack.StackSettings;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;

/**
 * Watches shop_order for the orders of a callback phase turning paid, every {@value #POLL_MILLIS} ms,
 * until every accepted callback's order is paid or the deadline passes. A seen time is when the poll
 * that found the order returned: late by at most one poll and its query.
 */
final class PaidWatcher {

    private static final long POLL_MILLIS = 50;
    private static final int CHUNK = 500;

    private PaidWatcher() {
    }

    /** Watches until every accepted callback's order is seen paid, or the deadline; true if all were. */
    static boolean watch(StackSettings settings, CallbackPhase phase, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        try (Connection db = LoadDatabases.connect(settings, "shop_order")) {
            int seen = 0;
            while (!allAcceptedSeen(phase, seen)) {
                if (System.nanoTime() > deadline) {
                    return false;
                }
                long tick = System.nanoTime();
                seen += poll(db, phase);
                LockSupport.parkNanos(tick + Duration.ofMillis(POLL_MILLIS).toNanos() - System.nanoTime());
            }
            return true;
        } catch (SQLException e) {
            throw new IllegalStateException("watching shop_order failed", e);
        }
    }

    /**
     * Every callback is out and answered, and as many orders are seen paid as callbacks were accepted.
     * A refused callback's order stays unpaid: waiting for it would only run into the deadline.
     */
    private static boolean allAcceptedSeen(CallbackPhase phase, int seen) {
        return phase.isAllSent() && phase.answeredCount() == phase.dispatched() && seen >= phase.acceptedCount();
    }

    private static int poll(Connection db, CallbackPhase phase) throws SQLException {
        List<Long> outstanding = new ArrayList<>();
        int dispatched = Math.min(phase.dispatched(), phase.orders().count());
        for (int i = 0; i < dispatched; i++) {
            if (phase.seenPaidAt(i) == 0) {
                outstanding.add(phase.orders().order(i));
            }
        }
        int seen = 0;
        for (int from = 0; from < outstanding.size(); from += CHUNK) {
            String in = outstanding.subList(from, Math.min(from + CHUNK, outstanding.size())).stream()
                    .map(String::valueOf).collect(Collectors.joining(","));
            try (PreparedStatement query = db.prepareStatement("SELECT order_id FROM trade_order WHERE pay_status = "
                    + PayStatus.PAID.code() + " AND order_id IN (" + in + ")");
                 ResultSet rows = query.executeQuery()) {
                long now = System.nanoTime();
                while (rows.next()) {
                    phase.seenPaid(phase.orders().indexOfOrder(rows.getLong(1)), now);
                    seen++;
                }
            }
        }
        return seen;
    }
}
