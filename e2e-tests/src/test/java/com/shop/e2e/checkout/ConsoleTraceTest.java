package com.shop.e2e.checkout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.shop.e2e.harness.Shop;
import com.shop.e2e.harness.StackExtension;
import com.shop.stack.Http;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** How an operator traces a checkout: while it is held, the Seata console lists it with its branches. */
@ExtendWith(StackExtension.class)
class ConsoleTraceTest {

    private final Shop shop;

    ConsoleTraceTest(Shop shop) {
        this.shop = shop;
    }

    @AfterEach
    void disarm() {
        shop.disarmEverywhere();
    }

    @Test
    void aCheckoutHeldAfterConfirmIsListedWithItsFourBranchesInTheSeataConsole() throws Exception {
        Shop.FullCheckout checkout = shop.fullCheckout();
        ObjectNode order = checkout.order();
        // After the confirm every branch is committed locally and registered, the order's (registered when
        // its local transaction commits, at the end) too; the global commit waits for the fault.
        shop.arm("order.after-confirm", "DELAY", 6_000);

        CompletableFuture<Http.Response> pending = CompletableFuture.supplyAsync(() -> shop.placeOrder(order));
        // Watch until the checkout is seen held with all four branches, or until it is answered
        // (then it was never seen held, and the assertion below says so): state, not a clock.
        AtomicReference<JsonNode> held = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            shop.console().checkoutHolding("shop_order", "shop_goods", "shop_coupon", "shop_user").ifPresent(held::set);
            return held.get() != null || pending.isDone();
        });
        Http.Response response = pending.get();

        assertThat(held.get()).as("a global session with order, goods, coupon and user branches in the console")
                .isNotNull();
        assertThat(held.get().path("transactionName").asText()).isEqualTo("confirm-order");
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        assertThat(response.json().path("xid").asText()).isEqualTo(held.get().path("xid").asText());
        shop.invariants().awaitHold(Duration.ofSeconds(30));
    }
}
