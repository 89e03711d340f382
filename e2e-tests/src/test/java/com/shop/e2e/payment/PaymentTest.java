package com.shop.e2e.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.shop.e2e.harness.Shop;
import com.shop.e2e.harness.StackExtension;
import com.shop.stack.Http;
import com.shop.stack.PaymentPlatform;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Paying an order: open a payment, the platform's signed callback, the pay-success broadcast (docs/design.md#payment). */
@ExtendWith(StackExtension.class)
class PaymentTest {

    private static final Duration SETTLED = Duration.ofSeconds(60);

    @Test
    void aPaidCallbackMakesTheOrderPaidGrantsPointsAndWritesOnePayLog(Shop shop) {
        Shop.UnpaidOrder order = shop.unpaidOrder();
        long payId = shop.openPayment(order.orderId());

        long started = System.nanoTime();
        Http.Response answer = shop.postCallback(shop.successCallback(payId, order));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().path("result").asText()).isEqualTo("SUCCESS");

        shop.awaitOrderPaid(order.orderId(), SETTLED);
        System.out.printf("[payment] callback to order paid: %d ms%n", (System.nanoTime() - started) / 1_000_000);
        await().atMost(SETTLED).until(() -> shop.db().count("shop_pay",
                "SELECT COUNT(*) FROM trade_pay_log WHERE pay_id = ?", payId) == 1);
        await().atMost(SETTLED).until(() -> shop.db().count("shop_user",
                "SELECT user_score FROM trade_user WHERE user_id = ?", order.userId()) == 70);
        assertThat(shop.db().count("shop_order", "SELECT COUNT(*) FROM trade_order WHERE order_id = ? "
                + "AND pay_time IS NOT NULL", order.orderId())).isEqualTo(1);
        shop.invariants().awaitHold(SETTLED);
    }

    @Test
    void aSecondOpenAnswersTheOpenPaymentAndAPaidOrderIsRefused(Shop shop) throws Exception {
        Shop.UnpaidOrder order = shop.unpaidOrder();
        PaymentPlatform platform = shop.platform();
        Http.Response first = platform.openPayment(String.valueOf(order.orderId()));
        Http.Response again = platform.openPayment(String.valueOf(order.orderId()));
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.json().path("payAmount").asText()).isEqualTo("70.00");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("payId").asText()).isEqualTo(first.json().path("payId").asText());

        shop.postCallback(shop.successCallback(first.json().path("payId").asLong(), order));
        Http.Response afterPaid = platform.openPayment(String.valueOf(order.orderId()));
        assertThat(afterPaid.status()).isEqualTo(409);
        assertThat(afterPaid.json().path("code").asText()).isEqualTo("PAYMENT_IS_PAID");
        assertThat(shop.db().count("shop_pay", "SELECT COUNT(*) FROM trade_pay WHERE order_id = ?", order.orderId()))
                .isEqualTo(1);
        shop.invariants().awaitHold(SETTLED);
    }

    @Test
    void ordersThatCannotBePaidAreRefusedWithTheirCode(Shop shop) throws Exception {
        PaymentPlatform platform = shop.platform();
        assertThat(platform.openPayment("9223372036854775807").json().path("code").asText()).isEqualTo("ORDER_NOT_FOUND");
        assertThat(platform.openPayment("9223372036854775808").status()).isEqualTo(400);
        assertThat(platform.openPayment("12x").status()).isEqualTo(400);

        // Paid in full with the balance: nothing left to pay, paid at checkout.
        long user = shop.newUser("500.00");
        long goods = shop.newGoods(5, "30.00");
        var placed = shop.placeOrder(shop.validOrder(user, goods, 1, "30.00").put("moneyPaid", "40.00"));
        assertThat(placed.status()).isEqualTo(201);
        Http.Response paidAtCheckout = platform.openPayment(placed.json().path("orderId").asText());
        assertThat(paidAtCheckout.status()).isEqualTo(409);
        assertThat(paidAtCheckout.json().path("code").asText()).isEqualTo("PAYMENT_IS_PAID");
        assertThat(shop.db().count("shop_pay", "SELECT COUNT(*) FROM trade_pay WHERE order_id = ?",
                placed.json().path("orderId").asLong())).isZero();
    }

    @Test
    void theSameCallbackTwentyTimesInARowAndTwentyAtOnceHasOneEffect(Shop shop) throws Exception {
        Shop.UnpaidOrder inARow = shop.unpaidOrder();
        Map<String, String> callback = shop.successCallback(shop.openPayment(inARow.orderId()), inARow);
        for (int i = 0; i < 20; i++) {
            Http.Response answer = shop.postCallback(callback);
            assertThat(answer.status()).as("callback %d: %s", i, answer.body()).isEqualTo(200);
        }

        Shop.UnpaidOrder atOnce = shop.unpaidOrder();
        Map<String, String> concurrent = shop.successCallback(shop.openPayment(atOnce.orderId()), atOnce);
        // Twenty at once is more than pay-app admits at once: some may be told 503 OVERLOADED, and are sent
        // again as the platform would. What counts is that every one ends acknowledged and there is one effect.
        List<Callable<Http.Response>> twenty = Collections.nCopies(20, () -> untilAcknowledged(shop, concurrent));
        for (Http.Response answer : Shop.atOnce(twenty)) {
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        }

        for (Shop.UnpaidOrder order : List.of(inARow, atOnce)) {
            shop.awaitOrderPaid(order.orderId(), SETTLED);
            long payId = payIdOf(shop, order);
            // Each group was handed the event once: one send from the outbox, one effect each.
            for (String group : Shop.PAY_SUCCESS_GROUPS.keySet()) {
                await().atMost(SETTLED).until(() -> shop.processed(group, payId));
                assertThat(shop.deliveries(group, payId)).as(group + " deliveries").isEqualTo(1);
            }
            assertThat(shop.db().count("shop_user", "SELECT user_score FROM trade_user WHERE user_id = ?", order.userId()))
                    .isEqualTo(70);
            assertThat(shop.db().count("shop_pay", "SELECT COUNT(*) FROM trade_pay_log WHERE order_id = ?", order.orderId()))
                    .isEqualTo(1);
        }
        shop.invariants().awaitHold(SETTLED);
    }

    @Test
    void forgedStaleUnsignedMismatchedAndUnknownCallbacksAreRefusedAndWriteNothing(Shop shop) {
        Shop.UnpaidOrder order = shop.unpaidOrder();
        long payId = shop.openPayment(order.orderId());
        Map<String, String> valid = shop.successCallback(payId, order);
        shop.invariants().awaitHold(SETTLED); // the checkout's undo_log rows are deleted after it answered
        Map<String, Object> before = shop.db().fingerprint();

        Map<String, String> forged = new LinkedHashMap<>(valid);
        forged.put("sign", "0".repeat(64));
        Map<String, String> tampered = new LinkedHashMap<>(valid);
        tampered.put("payAmount", "0.01"); // the old signature no longer matches
        Map<String, String> unsigned = new LinkedHashMap<>(valid);
        unsigned.remove("sign");
        Map<String, String> stale = new LinkedHashMap<>(valid);
        stale.put("timestamp", String.valueOf(System.currentTimeMillis() / 1000 - 360)); // 6 min: the unit test checks the exact bound
        Map<String, String> future = new LinkedHashMap<>(valid);
        future.put("timestamp", String.valueOf(System.currentTimeMillis() / 1000 + 360));
        Map<String, String> wrongAmount = new LinkedHashMap<>(valid);
        wrongAmount.put("payAmount", "69.99");
        Map<String, String> wrongOrder = new LinkedHashMap<>(valid);
        wrongOrder.put("orderId", String.valueOf(order.orderId() + 1));
        Map<String, String> unknown = new LinkedHashMap<>(valid);
        unknown.put("payId", "9223372036854775806");
        Map<String, String> notSuccess = new LinkedHashMap<>(valid);
        notSuccess.put("status", "CLOSED");

        expect(shop, forged, 401, "SIGNATURE_INVALID");
        expect(shop, tampered, 401, "SIGNATURE_INVALID");
        expect(shop, unsigned, 401, "SIGNATURE_INVALID");
        expect(shop, shop.platform().sign(stale), 401, "CALLBACK_EXPIRED");
        expect(shop, shop.platform().sign(future), 401, "CALLBACK_EXPIRED");
        expect(shop, shop.platform().sign(wrongAmount), 409, "PAYMENT_MISMATCH");
        expect(shop, shop.platform().sign(wrongOrder), 409, "PAYMENT_MISMATCH");
        expect(shop, shop.platform().sign(unknown), 404, "PAYMENT_NOT_FOUND");
        expect(shop, shop.platform().sign(notSuccess), 400, "REQUEST_PARAMETER_INVALID");

        assertThat(shop.db().fingerprint()).as("nothing written by a refused callback").isEqualTo(before);
        assertThat(shop.postCallback(valid).status()).as("the genuine callback still works").isEqualTo(200);
        shop.awaitOrderPaid(order.orderId(), SETTLED);
        shop.invariants().awaitHold(SETTLED);
    }

    private static void expect(Shop shop, Map<String, String> callback, int status, String code) {
        Http.Response answer = shop.postCallback(callback);
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.json().path("code").asText()).isEqualTo(code);
    }

    private static long payIdOf(Shop shop, Shop.UnpaidOrder order) {
        return shop.db().count("shop_pay", "SELECT pay_id FROM trade_pay WHERE order_id = ?", order.orderId());
    }

    /** A payment platform's delivery: a callback answered 503 (overloaded, Retry-After) is sent again. */
    private static Http.Response untilAcknowledged(Shop shop, Map<String, String> callback) {
        return await("a callback answered other than 503").atMost(Duration.ofSeconds(10))
                .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(200))
                .until(() -> shop.postCallback(callback), answer -> answer.status() != 503);
    }
}
