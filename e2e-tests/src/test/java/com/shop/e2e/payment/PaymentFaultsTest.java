package com.shop.e2e.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.shop.api.payment.PaymentSucceeded;
import com.shop.e2e.harness.Shop;
import com.shop.e2e.harness.StackExtension;
import com.shop.stack.Components;
import com.shop.stack.Http;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.message.Message;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Payment when things break: the broker down, consumers failing, a message delivered twice, pay-app
 * dying between its commit and the send, and a points grant racing a checkout that rolls back.
 * After each, the invariants of docs/design.md#invariants hold.
 */
@ExtendWith(StackExtension.class)
class PaymentFaultsTest {

    private static final Duration SETTLED = Duration.ofSeconds(90);
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeEach
    @AfterEach
    void everythingRunsAndNothingIsArmed(Shop shop) {
        shop.everythingRunningAndDisarmed();
    }

    @Test
    void callbacksAreAnsweredWhileTheBrokerIsDownAndEveryEventIsDeliveredOnceItIsBack(Shop shop) {
        List<Shop.UnpaidOrder> orders = new ArrayList<>();
        List<Map<String, String>> callbacks = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Shop.UnpaidOrder order = shop.unpaidOrder();
            orders.add(order);
            callbacks.add(shop.successCallback(shop.openPayment(order.orderId()), order));
        }

        shop.stack().stop(Components.ROCKETMQ);
        long slowest = 0;
        for (Map<String, String> callback : callbacks) {
            long started = System.nanoTime();
            Http.Response answer = shop.postCallback(callback);
            slowest = Math.max(slowest, (System.nanoTime() - started) / 1_000_000);
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        }
        System.out.printf("[payment] slowest callback answer with the broker down: %d ms%n", slowest);
        assertThat(slowest).as("callbacks do not wait for the broker").isLessThan(3000);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                shop.db().count("shop_pay", "SELECT COUNT(*) FROM trade_mq_producer_temp WHERE attempts > 0") == orders.size());
        assertThat(Http.get(Shop.actuator(Components.PAY, "outbox")).json().path("waiting").asInt())
                .as("the stuck events are visible to operators").isEqualTo(orders.size());

        shop.stack().start(Components.ROCKETMQ);
        for (Shop.UnpaidOrder order : orders) {
            shop.awaitOrderPaid(order.orderId(), SETTLED);
        }
        shop.invariants().awaitHold(SETTLED);
    }

    @Test
    void aConsumerFailingItsFirstAttemptsProcessesTheEventExactlyOnce(Shop shop) {
        Shop.UnpaidOrder order = shop.unpaidOrder();
        long payId = shop.openPayment(order.orderId());
        shop.arm("user.before-grant-points", "THROW", 0, 2);

        assertThat(shop.postCallback(shop.successCallback(payId, order)).status()).isEqualTo(200);

        await().atMost(SETTLED).until(() -> shop.processed("user-app-pay-success", payId));
        assertThat(shop.deliveries("user-app-pay-success", payId)).as("two failed attempts, then the one that counted")
                .isEqualTo(3);
        assertThat(shop.db().count("shop_user", "SELECT user_score FROM trade_user WHERE user_id = ?", order.userId()))
                .isEqualTo(70);
        shop.invariants().awaitHold(SETTLED);
    }

    @Test
    void aConsumerFailingEveryAttemptEndsInTheDeadLetterHalfNothingAndCanBeRedriven(Shop shop) {
        Shop.UnpaidOrder order = shop.unpaidOrder();
        long payId = shop.openPayment(order.orderId());
        shop.arm("pay.before-pay-log", "THROW", 0, 1000);

        assertThat(shop.postCallback(shop.successCallback(payId, order)).status()).isEqualTo(200);
        shop.awaitOrderPaid(order.orderId(), SETTLED); // the other groups are not held up

        await().atMost(SETTLED).pollInterval(Duration.ofSeconds(1)).until(() -> deadLetterKeys(shop).contains(String.valueOf(payId)));
        assertThat(shop.db().count("shop_pay", "SELECT COUNT(*) FROM trade_pay_log WHERE pay_id = ?", payId))
                .as("nothing half-done").isZero();
        assertThat(shop.deliveries("pay-app-pay-success", payId)).as("the first delivery and every redelivery")
                .isEqualTo(5);

        shop.disarmEverywhere();
        Http.Response redriven = shop.operatorPost(Shop.actuator(Components.PAY, "deadletters"),
                "{\"group\":\"pay-app-pay-success\",\"key\":\"" + payId + "\"}");
        assertThat(redriven.status()).as(redriven.body()).isEqualTo(200);
        await().atMost(SETTLED).until(() -> shop.db().count("shop_pay",
                "SELECT COUNT(*) FROM trade_pay_log WHERE pay_id = ?", payId) == 1);
        assertThat(deadLetterKeys(shop)).doesNotContain(String.valueOf(payId));
        shop.invariants().awaitHold(SETTLED);
    }

    @Test
    void theSameEventDeliveredAgainHasNoSecondEffect(Shop shop) throws Exception {
        Shop.UnpaidOrder order = shop.unpaidOrder();
        long payId = shop.openPayment(order.orderId());
        assertThat(shop.postCallback(shop.successCallback(payId, order)).status()).isEqualTo(200);
        shop.awaitOrderPaid(order.orderId(), SETTLED);
        shop.invariants().awaitHold(SETTLED);

        PaymentSucceeded again = new PaymentSucceeded(String.valueOf(payId), String.valueOf(order.orderId()),
                String.valueOf(order.userId()), order.payAmount(), "REDELIVERED", java.time.Instant.now().toString());
        DefaultMQProducer producer = new DefaultMQProducer("e2e-redelivery");
        producer.setNamesrvAddr(shop.stack().settings().rocketMqNamesrv());
        producer.start();
        try {
            assertThat(producer.send(new Message(PaymentSucceeded.TOPIC, null, String.valueOf(payId),
                    JSON.writeValueAsString(again).getBytes(StandardCharsets.UTF_8))).getSendStatus()).isEqualTo(SendStatus.SEND_OK);
        } finally {
            producer.shutdown();
        }

        for (String group : Shop.PAY_SUCCESS_GROUPS.keySet()) {
            await().atMost(SETTLED).until(() -> shop.deliveries(group, payId) == 2);
        }
        assertThat(shop.db().count("shop_user", "SELECT user_score FROM trade_user WHERE user_id = ?", order.userId()))
                .isEqualTo(70);
        assertThat(shop.db().count("shop_pay", "SELECT COUNT(*) FROM trade_pay_log WHERE pay_id = ?", payId)).isEqualTo(1);
        shop.invariants().awaitHold(SETTLED);
    }

    @Test
    void payAppHaltedBetweenCommitAndSendSendsTheEventAfterItsRestart(Shop shop) {
        Shop.UnpaidOrder order = shop.unpaidOrder();
        long payId = shop.openPayment(order.orderId());
        Map<String, String> callback = shop.successCallback(payId, order);
        shop.arm("pay.after-callback-commit", "HALT", 0);

        assertThatThrownBy(() -> shop.postCallback(callback)).as("pay-app died before answering");
        awaitDead(shop, Components.PAY);
        assertThat(shop.db().count("shop_pay", "SELECT COUNT(*) FROM trade_pay WHERE pay_id = ? AND is_paid = 2", payId))
                .as("the payment committed paid").isEqualTo(1);
        assertThat(shop.db().count("shop_pay", "SELECT COUNT(*) FROM trade_mq_producer_temp WHERE msg_key = ?",
                String.valueOf(payId))).as("its event waits in the outbox").isEqualTo(1);
        assertThat(shop.db().count("shop_order", "SELECT pay_status FROM trade_order WHERE order_id = ?", order.orderId()))
                .as("nothing was sent").isZero();

        shop.stack().start(Components.PAY);
        shop.awaitOrderPaid(order.orderId(), SETTLED);
        // The platform had no answer, so it retries: acknowledged, nothing more happens.
        assertThat(shop.postCallback(callback).status()).isEqualTo(200);
        shop.invariants().awaitHold(SETTLED);
    }

    /**
     * A checkout holds the user's row (its balance branch committed, the global transaction not
     * finished) when a points grant for the same user arrives. The grant must wait for the global lock:
     * written beside it, it would make the rollback find "dirty" data and stall with its locks held.
     */
    @Test
    void aPointsGrantWaitsForACheckoutHoldingTheUserAndItsRollbackCompletes(Shop shop) throws Exception {
        Shop.UnpaidOrder paid = shop.unpaidOrder();
        long payId = shop.openPayment(paid.orderId());
        shop.db().update("shop_user", "UPDATE trade_user SET user_money = 100.00 WHERE user_id = ?", paid.userId());
        shop.invariants().recordUser(paid.userId(), new java.math.BigDecimal("100.00"), 0);
        long goods = shop.newGoods(5, "30.00");

        shop.arm("order.after-balance", "DELAY", 7000);
        shop.arm("order.before-confirm", "THROW", 0);
        CompletableFuture<Http.Response> checkout = CompletableFuture.supplyAsync(() -> shop.placeOrder(
                shop.validOrder(paid.userId(), goods, 1, "30.00").put("moneyPaid", "20.00")));
        String xid = awaitCheckoutHoldingUser(shop, paid.userId());

        assertThat(shop.postCallback(shop.successCallback(payId, paid)).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(6)).pollInterval(Duration.ofMillis(100)).until(() -> shop.db().count("shop_user",
                "SELECT COUNT(*) FROM trade_mq_consumer_log WHERE group_name = 'user-app-pay-success' AND msg_key = ? "
                        + "AND consumer_status = 0 AND consumer_times >= 1", String.valueOf(payId)) == 1);
        assertThat(shop.console().session(xid)).as("the grant was refused while the checkout still held the user")
                .isPresent();
        assertThat(shop.db().count("shop_user", "SELECT user_score FROM trade_user WHERE user_id = ?", paid.userId()))
                .isZero();

        Http.Response failed = checkout.get();
        assertThat(failed.outcome()).isEqualTo("500 INJECTED_FAULT");
        await().atMost(SETTLED).until(() -> shop.db().count("shop_user",
                "SELECT user_score FROM trade_user WHERE user_id = ?", paid.userId()) == 70);
        assertThat(shop.db().query("shop_user", "SELECT user_money FROM trade_user WHERE user_id = ?", paid.userId())
                .get(0).get("user_money")).as("balance restored by the rollback")
                .isEqualTo(new java.math.BigDecimal("100.00"));
        await().atMost(SETTLED).until(() -> shop.db().count("seata", "SELECT COUNT(*) FROM lock_table") == 0);
        shop.invariants().awaitHold(SETTLED);
    }

    /** The XID of the checkout once its balance branch committed and it is still running. */
    private static String awaitCheckoutHoldingUser(Shop shop, long userId) {
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50)).until(() -> shop.db().count("shop_user",
                "SELECT COUNT(*) FROM trade_user_money_log WHERE user_id = ? AND money_log_type = 1", userId) == 1);
        String xid = shop.console().checkoutHolding("shop_user").map(session -> session.path("xid").asText()).orElse(null);
        assertThat(xid).as("the checkout's global transaction holds a branch in shop_user").isNotNull();
        return xid;
    }

    private static List<String> deadLetterKeys(Shop shop) {
        List<String> keys = new ArrayList<>();
        Http.get(Shop.actuator(Components.PAY, "deadletters")).json().forEach(row -> keys.add(row.path("msg_key").asText()));
        return keys;
    }

    private static void awaitDead(Shop shop, String service) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> !shop.stack().isRunning(service));
    }
}
