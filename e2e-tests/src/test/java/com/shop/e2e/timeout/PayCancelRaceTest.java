package com.shop.e2e.timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.shop.api.order.OrderStatus;
import com.shop.api.payment.PaymentState;
import com.shop.e2e.harness.OrderTimeouts;
import com.shop.e2e.harness.Shop;
import com.shop.e2e.harness.StackExtension;
import com.shop.stack.Http;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The payment callback and the order's timeout released together, round after round: each round ends
 * with exactly one winner — the order paid and its payment paid, or the order cancelled, its payment
 * closed and the money recorded as owed back — and the invariants hold. The timeout message is sent by
 * hand, so both arrive at the same moment; the callback waits 0–160 ms more from round to round, to
 * sweep the window where they overlap.
 */
@ExtendWith(StackExtension.class)
class PayCancelRaceTest {

    private static final int ROUNDS = 50;
    private static final Duration SETTLED = Duration.ofSeconds(60);

    @Test
    void paymentAndCancelAtTheSameMomentEndWithOneWinner(Shop shop) throws Exception {
        Map<String, Integer> outcomes = new TreeMap<>();
        try (OrderTimeouts timeouts = new OrderTimeouts(shop)) {
            for (int round = 0; round < ROUNDS; round++) {
                Shop.UnpaidOrder order = shop.unpaidOrder();
                long payId = shop.openPayment(order.orderId());
                Map<String, String> callback = shop.successCallback(payId, order);
                long callbackLag = (round % 5) * 40L;
                List<Object> answers = Shop.atOnce(List.<Callable<Object>>of(
                        () -> {
                            Thread.sleep(callbackLag);
                            return shop.postCallback(callback);
                        },
                        () -> {
                            timeouts.fireNow(order.orderId());
                            return "sent";
                        }));
                Http.Response answer = (Http.Response) answers.get(0);
                AtomicInteger retries = new AtomicInteger();
                if (answer.status() != 200) {
                    // What the platform does with anything but success: ask again later.
                    await("round " + round + ": the callback acknowledged").atMost(Duration.ofSeconds(20))
                            .pollInterval(Duration.ofMillis(500))
                            .until(() -> {
                                retries.incrementAndGet();
                                return shop.postCallback(callback);
                            }, retried -> retried.status() == 200);
                }

                await().atMost(SETTLED).pollInterval(Duration.ofMillis(100))
                        .until(() -> timeouts.deliveries(order.orderId()) >= 1 && settled(shop, timeouts, order.orderId()));
                boolean cancelled = timeouts.orderStatus(order.orderId()) == OrderStatus.CANCELLED;
                if (cancelled) {
                    assertThat(timeouts.paymentState(order.orderId())).as("round %d: payment closed", round).isEqualTo(PaymentState.CLOSED);
                    assertThat(shop.db().count("shop_pay", "SELECT COUNT(*) FROM trade_refund_due WHERE pay_id = ?", payId))
                            .as("round %d: refund due", round).isEqualTo(1);
                } else {
                    assertThat(timeouts.paymentState(order.orderId())).as("round %d: payment paid", round).isEqualTo(PaymentState.PAID);
                    assertThat(shop.db().count("shop_pay", "SELECT COUNT(*) FROM trade_refund_due WHERE pay_id = ?", payId))
                            .as("round %d: no refund due", round).isZero();
                }
                outcomes.merge((cancelled ? "cancel won (refund due)" : "payment won")
                        + (retries.get() > 0 ? ", callback answered after " + retries + " retry(ies)" : ""), 1, Integer::sum);
            }
        }
        System.out.printf("[timeout] pay/cancel race, %d rounds: %s%n", ROUNDS, outcomes);
        shop.invariants().awaitHold(SETTLED);
    }

    /** Paid (and the pay-success event consumed) or cancelled, and the timeout message processed. */
    private static boolean settled(Shop shop, OrderTimeouts timeouts, long orderId) {
        boolean processed = shop.db().count("shop_order", "SELECT COUNT(*) FROM trade_mq_consumer_log WHERE group_name = ? "
                + "AND msg_key = ? AND consumer_status = 1", OrderTimeouts.GROUP, String.valueOf(orderId)) == 1;
        boolean paid = shop.db().count("shop_order", "SELECT pay_status FROM trade_order WHERE order_id = ?", orderId) == 2;
        return processed && (paid || timeouts.orderStatus(orderId) == OrderStatus.CANCELLED);
    }
}
