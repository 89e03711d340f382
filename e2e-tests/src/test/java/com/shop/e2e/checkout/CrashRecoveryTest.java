package com.shop.e2e.checkout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.shop.e2e.harness.Shop;
import com.shop.e2e.harness.StackExtension;
import com.shop.stack.Components;
import com.shop.stack.Http;
import com.shop.stack.Ports;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Processes die mid-checkout (halted by a fault, or SIGKILLed); once back, the TC resolves everything. */
@ExtendWith(StackExtension.class)
class CrashRecoveryTest {

    private final Shop shop;

    CrashRecoveryTest(Shop shop) {
        this.shop = shop;
    }

    @AfterEach
    void everythingRunsAgain() {
        for (String name : shop.stack().componentNames()) {
            if (!shop.stack().isRunning(name)) {
                shop.stack().start(name);
            }
        }
        shop.awaitProvidersReachable(Duration.ofSeconds(60));
        shop.disarmEverywhere();
    }

    @Test
    void aProviderThatDiesAfterCommittingItsBranchIsRolledBackByTheTcOnceRestarted() {
        long user = shop.newUser("100.00");
        long goods = shop.newGoods(5, "30.00");
        ObjectNode order = shop.validOrder(user, goods, 2, "30.00").put("moneyPaid", "20.00");
        shop.arm("goods.after-reduce-stock", "HALT", 0);

        Http.Response response = shop.placeOrder(order);

        assertThat(response.status()).as(response.body()).isEqualTo(503);
        assertThat(response.json().path("code").asText()).isEqualTo("DOWNSTREAM_UNAVAILABLE");
        awaitDead(Components.GOODS);
        // goods-app committed its branch before dying: only its undo_log can take the stock back.
        assertThat(shop.db().count("shop_goods", "SELECT goods_number FROM trade_goods WHERE goods_id = ?", goods))
                .as("stock while goods-app is down").isEqualTo(3);
        assertThat(shop.db().undoLogRows("shop_goods")).as("goods undo_log while goods-app is down").isPositive();

        shop.stack().start(Components.GOODS);

        shop.invariants().awaitHold(Duration.ofSeconds(90));
        assertThat(shop.db().count("shop_goods", "SELECT goods_number FROM trade_goods WHERE goods_id = ?", goods))
                .isEqualTo(5);
    }

    @Test
    void theOrderServiceDyingBeforeConfirmIsRolledBackWhenTheGlobalTimeoutExpires() {
        Shop.FullCheckout checkout = shop.fullCheckout();
        ObjectNode order = checkout.order();
        shop.arm("order.before-confirm", "HALT", 0);

        try {
            Http.Response response = shop.placeOrder(order);
            assertThat(response.status()).as("answer of a process that halted").isGreaterThanOrEqualTo(500);
        } catch (UncheckedIOException connectionDropped) {
            // The expected outcome: the process died with the request open.
        }
        awaitDead(Components.ORDER);
        shop.stack().start(Components.ORDER);

        shop.invariants().awaitHold(Duration.ofSeconds(120));
        assertThat(shop.db().count("shop_order", "SELECT COUNT(*) FROM trade_order WHERE request_id = ?",
                checkout.requestId())).isZero();
    }

    @Test
    void theCoordinatorKilledMidTransactionAndRestartedResolvesIt() throws Exception {
        Shop.FullCheckout checkout = shop.fullCheckout();
        ObjectNode order = checkout.order();
        shop.arm("order.after-coupon", "DELAY", 6_000);

        CompletableFuture<Http.Response> pending = CompletableFuture.supplyAsync(() -> shop.placeOrder(order));
        // Hold the state to break: the checkout is waiting at its fault point, and the TC has its
        // session with the goods and coupon branches. Only then is the TC killed.
        AtomicReference<String> xid = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            xid.set(shop.console().checkoutHolding("shop_goods", "shop_coupon")
                    .map(session -> session.path("xid").asText()).orElse(null));
            return xid.get() != null || pending.isDone();
        });
        assertThat(xid.get()).as("the checkout held at its fault point with its goods and coupon branches in the TC; it answered %s",
                pending.isDone() ? pending.get().body() : "nothing yet").isNotNull();
        assertThat(pending).as("the checkout is still running when the TC is killed").isNotDone();
        shop.stack().kill(Components.SEATA);
        shop.stack().start(Components.SEATA);
        Http.Response response = pending.get();

        // Committed or rolled back, the transaction must resolve one way for all four databases.
        shop.invariants().awaitHold(Duration.ofSeconds(120));
        long orders = shop.db().count("shop_order", "SELECT COUNT(*) FROM trade_order WHERE request_id = ?",
                checkout.requestId());
        if (response.status() == 201) {
            assertThat(response.json().path("xid").asText()).isEqualTo(xid.get());
            assertThat(orders).isEqualTo(1);
        } else {
            assertThat(response.status()).as(response.body()).isGreaterThanOrEqualTo(500);
            assertThat(orders).isZero();
        }
    }

    /**
     * The state a participant killed right after a global commit leaves (docs/stack-traps.md#24): an
     * undo-log row of a transaction the TC has forgotten. The service's sweep asks the TC and deletes it;
     * a row of a transaction the TC still knows stays (CrashRecoveryTest's first case holds one meanwhile).
     */
    @Test
    void anUndoLogRowACrashLeftBehindIsSweptOnceTheTcSaysItsTransactionIsOver() {
        String forgotten = "127.0.0.1:" + Ports.SEATA_RPC + ":" + System.nanoTime();
        shop.db().update("shop_coupon", "INSERT INTO undo_log (branch_id, xid, context, rollback_info, log_status, "
                + "log_created, log_modified) VALUES (?, ?, 'serializer=jackson', ?, 0, NOW(6) - INTERVAL 5 MINUTE, "
                + "NOW(6) - INTERVAL 5 MINUTE)", System.nanoTime(), forgotten, "{}".getBytes(StandardCharsets.UTF_8));

        await("coupon-app's sweep deletes the undo log of a transaction the TC forgot").atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> shop.db().count("shop_coupon", "SELECT COUNT(*) FROM undo_log WHERE xid = ?", forgotten) == 0);
    }

    private void awaitDead(String service) {
        await(service + " halted").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> !shop.stack().isRunning(service));
    }
}
