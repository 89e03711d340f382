package com.shop.e2e.timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.shop.api.order.OrderStatus;
import com.shop.api.payment.PaymentState;
import com.shop.e2e.harness.OrderTimeouts;
import com.shop.e2e.harness.Shop;
import com.shop.e2e.harness.StackExtension;
import com.shop.stack.Components;
import com.shop.stack.Http;
import com.shop.stack.Ports;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The order timeout on the real stack: the delayed message cancels an unpaid order in one global
 * transaction and everything it took comes back exactly; paid orders are left alone; the sweep catches
 * a lost message; a pending timeout survives a broker restart; duplicates change nothing; a payment that
 * arrives after the cancel is acknowledged and owed back.
 */
@ExtendWith(StackExtension.class)
class OrderTimeoutTest {

    private static final Duration SETTLED = Duration.ofSeconds(90);

    private final Shop shop;
    private final OrderTimeouts timeouts;

    OrderTimeoutTest(Shop shop) {
        this.shop = shop;
        this.timeouts = new OrderTimeouts(shop);
    }

    @AfterEach
    void closeProducer() {
        timeouts.close();
    }

    @BeforeEach
    @AfterEach
    void everythingRunsAndNothingIsArmed() {
        shop.everythingRunningAndDisarmed();
    }

    @Test
    void unpaidOrdersAreCancelledAtTheirDeadlineAndStockCouponAndBalanceComeBackExactly() throws Exception {
        int orders = 20;
        List<Shop.FullCheckout> checkouts = new ArrayList<>();
        try (OrderTimeouts.Settings ignored = timeouts.publish(Duration.ofSeconds(4), Duration.ofSeconds(30),
                Duration.ofMinutes(10)); CancelWatch watch = new CancelWatch()) {
            for (int i = 0; i < orders; i++) {
                Shop.FullCheckout checkout = shop.fullCheckout();
                Http.Response placed = shop.placeOrder(checkout.order());
                assertThat(placed.status()).as(placed.body()).isEqualTo(201);
                long orderId = placed.json().path("orderId").asLong();
                Instant deadline = Instant.parse(placed.json().path("payDeadline").asText());
                assertThat(Duration.between(Instant.now(), deadline)).as("deadline about 4 s ahead")
                        .isBetween(Duration.ofSeconds(1), Duration.ofSeconds(5));
                watch.track(orderId, deadline);
                checkouts.add(checkout);
            }
            report("broker up", watch.awaitAll());
        }
        for (Shop.FullCheckout checkout : checkouts) {
            assertThat(shop.db().count("shop_goods", "SELECT goods_number FROM trade_goods WHERE goods_id = ?",
                    checkout.goods())).as("stock back").isEqualTo(5);
            assertThat(shop.db().count("shop_coupon", "SELECT is_used FROM trade_coupon WHERE coupon_id = ?",
                    checkout.coupon())).as("coupon free again").isZero();
            assertThat(shop.db().query("shop_user", "SELECT user_money FROM trade_user WHERE user_id = ?", checkout.user())
                    .get(0).get("user_money")).as("balance refunded").isEqualTo(new BigDecimal("100.00"));
            assertThat(shop.db().count("shop_user", "SELECT COUNT(*) FROM trade_user_money_log WHERE user_id = ? "
                    + "AND money_log_type = 2", checkout.user())).as("one refund in the money log").isEqualTo(1);
        }
        shop.invariants().awaitHold(SETTLED);
    }

    @Test
    void anOrderPaidBeforeItsDeadlineIsLeftAlone() throws Exception {
        Shop.UnpaidOrder order;
        try (OrderTimeouts.Settings ignored = timeouts.publish(Duration.ofSeconds(6), Duration.ofSeconds(1), Duration.ofSeconds(1))) {
            order = shop.unpaidOrder();
            long payId = shop.openPayment(order.orderId());
            assertThat(shop.postCallback(shop.successCallback(payId, order)).status()).isEqualTo(200);
            shop.awaitOrderPaid(order.orderId(), SETTLED);
            // Its timeout message still comes, and finds nothing to do.
            await().atMost(SETTLED).until(() -> timeouts.deliveries(order.orderId()) == 1);
        }
        assertThat(timeouts.orderStatus(order.orderId())).as("still confirmed").isEqualTo(OrderStatus.CONFIRMED);
        assertThat(timeouts.paymentState(order.orderId())).as("payment paid").isEqualTo(PaymentState.PAID);
        assertThat(shop.db().count("shop_goods", "SELECT goods_number FROM trade_goods WHERE goods_id = ?", order.goodsId()))
                .as("stock stays sold").isEqualTo(8);
        shop.invariants().awaitHold(SETTLED);
    }

    @Test
    void anOrderWhoseTimeoutMessageWasLostIsCancelledByTheSweep() throws Exception {
        try (OrderTimeouts.Settings ignored = timeouts.publish(Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofSeconds(2))) {
            shop.arm("order.before-schedule-timeout", "THROW", 0);
            Shop.UnpaidOrder order = shop.unpaidOrder();
            timeouts.awaitCancelled(order.orderId(), SETTLED);
            assertThat(timeouts.deliveries(order.orderId())).as("no message was ever delivered").isZero();
            assertThat(timeouts.paymentState(order.orderId())).as("its payment closed before anyone opened it").isEqualTo(PaymentState.CLOSED);
            assertThat(shop.db().count("shop_goods", "SELECT goods_number FROM trade_goods WHERE goods_id = ?",
                    order.goodsId())).isEqualTo(10);
        }
        shop.invariants().awaitHold(SETTLED);
    }

    @Test
    void aPendingTimeoutSurvivesABrokerRestart() throws Exception {
        Map<Long, Instant> deadlines = new HashMap<>();
        // The sweep's grace is long: only the timer messages can cancel these orders within the test.
        try (OrderTimeouts.Settings ignored = timeouts.publish(Duration.ofSeconds(20), Duration.ofSeconds(30),
                Duration.ofMinutes(10)); CancelWatch watch = new CancelWatch()) {
            for (int i = 0; i < 5; i++) {
                Http.Response placed = shop.placeOrder(shop.fullCheckout().order());
                assertThat(placed.status()).as(placed.body()).isEqualTo(201);
                deadlines.put(placed.json().path("orderId").asLong(),
                        Instant.parse(placed.json().path("payDeadline").asText()));
            }
            deadlines.forEach(watch::track);
            Thread.sleep(1_000); // the sends are asynchronous: let the broker take them
            Instant stopped = Instant.now();
            assertThat(stopped).as("the timers are pending when the broker stops").isBefore(Collections.min(deadlines.values()));
            shop.stack().stop(Components.ROCKETMQ);
            shop.stack().start(Components.ROCKETMQ);
            System.out.printf("[timeout] broker restarted in %d ms%n", Duration.between(stopped, Instant.now()).toMillis());
            report("across a broker restart", watch.awaitAll());
        }
        for (long orderId : deadlines.keySet()) {
            assertThat(timeouts.deliveries(orderId)).as("delivered (a duplicate after a restart is allowed)")
                    .isBetween(1L, 2L);
        }
        shop.invariants().awaitHold(SETTLED);
    }

    @Test
    void aDuplicateTimeoutMessageChangesNothing() throws Exception {
        Shop.FullCheckout checkout = shop.fullCheckout();
        long orderId = shop.placeOrder(checkout.order()).json().path("orderId").asLong();
        timeouts.fireNow(orderId);
        timeouts.awaitCancelled(orderId, SETTLED);
        String before = stateOf(checkout, orderId);

        timeouts.fireNow(orderId);
        await().atMost(SETTLED).until(() -> timeouts.deliveries(orderId) == 2);

        assertThat(stateOf(checkout, orderId)).isEqualTo(before);
        shop.invariants().awaitHold(SETTLED);
    }

    @Test
    void aPaymentThatArrivesAfterTheCancelIsAcknowledgedAndRecordedAsARefundDue() throws Exception {
        Shop.UnpaidOrder order = shop.unpaidOrder();
        long payId = shop.openPayment(order.orderId());
        double dueBefore = refundsDueMetric();
        timeouts.fireNow(order.orderId());
        timeouts.awaitCancelled(order.orderId(), SETTLED);
        assertThat(timeouts.paymentState(order.orderId())).as("payment closed").isEqualTo(PaymentState.CLOSED);

        Map<String, String> callback = shop.successCallback(payId, order);
        Http.Response answer = shop.postCallback(callback);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().path("result").asText()).isEqualTo("SUCCESS");
        assertThat(shop.postCallback(callback).status()).as("the platform's retry").isEqualTo(200);

        assertThat(timeouts.orderStatus(order.orderId())).as("the order stays cancelled").isEqualTo(OrderStatus.CANCELLED);
        assertThat(timeouts.paymentState(order.orderId())).as("the payment stays closed").isEqualTo(PaymentState.CLOSED);
        JsonNode refunds = Http.get(Shop.actuator(Components.PAY, "refunds")).json();
        List<String> owed = new ArrayList<>();
        refunds.path("rows").forEach(row -> {
            if (row.path("payId").asText().equals(String.valueOf(payId))) {
                owed.add(row.path("payAmount").asText() + " " + row.path("tradeNo").asText());
            }
        });
        assertThat(owed).as("owed back once, with the platform's trade").hasSize(1);
        assertThat(owed.get(0)).startsWith(order.payAmount() + " ").endsWith(callback.get("tradeNo"));
        assertThat(refundsDueMetric()).as("counted").isEqualTo(dueBefore + 1);

        Http.Response reopen = Http.postJson(Ports.url(Components.PAY) + "/api/payments",
                "{\"orderId\":\"" + order.orderId() + "\"}");
        assertThat(reopen.status()).as("no new payment for a cancelled order").isEqualTo(409);
        assertThat(reopen.json().path("code").asText()).isEqualTo("ORDER_NOT_PAYABLE");
        shop.invariants().awaitHold(SETTLED);
    }

    /**
     * How late each order was cancelled after its deadline, as seen by polling all of them with one query
     * every 100 ms from the moment they are tracked (not from when the test starts waiting).
     */
    private final class CancelWatch implements AutoCloseable {
        private final Map<Long, Instant> deadlines = new ConcurrentHashMap<>();
        private final Map<Long, Instant> seen = new ConcurrentHashMap<>();
        private final ScheduledExecutorService poller =
                Executors.newSingleThreadScheduledExecutor();

        CancelWatch() {
            poller.scheduleWithFixedDelay(this::poll, 100, 100, TimeUnit.MILLISECONDS);
        }

        void track(long orderId, Instant deadline) {
            deadlines.put(orderId, deadline);
        }

        private void poll() {
            List<Long> waiting = deadlines.keySet().stream().filter(id -> !seen.containsKey(id)).toList();
            if (waiting.isEmpty()) {
                return;
            }
            Instant now = Instant.now();
            String ids = String.join(",", waiting.stream().map(String::valueOf).toList());
            for (Map<String, Object> row : shop.db().query("shop_order", "SELECT order_id FROM trade_order WHERE order_id IN ("
                    + ids + ") AND order_status = " + OrderStatus.CANCELLED.code())) {
                seen.putIfAbsent(((Number) row.get("order_id")).longValue(), now);
            }
        }

        /** Waits until every tracked order is cancelled; the lateness of each, sorted, in ms. */
        List<Long> awaitAll() {
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                    .until(() -> seen.keySet().containsAll(deadlines.keySet()));
            List<Long> sorted = new ArrayList<>();
            deadlines.forEach((id, deadline) -> sorted.add(Duration.between(deadline, seen.get(id)).toMillis()));
            Collections.sort(sorted);
            assertThat(sorted.get(0)).as("never cancelled before its deadline").isGreaterThanOrEqualTo(0);
            return sorted;
        }

        @Override
        public void close() {
            poller.shutdownNow();
        }
    }

    private static void report(String what, List<Long> sorted) {
        System.out.printf("[timeout] cancel lateness %s, %d orders: median %d ms, p99 %d ms, max %d ms%n", what,
                sorted.size(), sorted.get(sorted.size() / 2), sorted.get((int) Math.ceil(sorted.size() * 0.99) - 1),
                sorted.get(sorted.size() - 1));
    }

    private String stateOf(Shop.FullCheckout checkout, long orderId) {
        return shop.db().query("shop_order", "SELECT order_status, pay_status, cancel_time FROM trade_order WHERE order_id = ?",
                orderId) + " " + shop.db().query("shop_goods", "SELECT goods_number FROM trade_goods WHERE goods_id = ?",
                checkout.goods()) + " " + shop.db().query("shop_goods", "SELECT COUNT(*) n FROM trade_goods_number_log "
                + "WHERE order_id = ?", orderId) + " " + shop.db().query("shop_coupon", "SELECT is_used, order_id FROM "
                + "trade_coupon WHERE coupon_id = ?", checkout.coupon()) + " " + shop.db().query("shop_user",
                "SELECT user_money FROM trade_user WHERE user_id = ?", checkout.user()) + " " + shop.db().query("shop_user",
                "SELECT COUNT(*) n FROM trade_user_money_log WHERE order_id = ?", orderId) + " " + shop.db().query("shop_pay",
                "SELECT is_paid, close_time FROM trade_pay WHERE order_id = ?", orderId);
    }

    private static double refundsDueMetric() {
        Http.Response metric = Http.get(Shop.actuator(Components.PAY, "metrics/shop.payment.refunds.due"));
        return metric.status() == 404 ? 0 : metric.json().path("measurements").get(0).path("value").asDouble();
    }
}
