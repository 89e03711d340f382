package com.shop.e2e.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.shop.e2e.harness.Http;
import com.shop.e2e.harness.Shop;
import com.shop.e2e.harness.StackExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
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
    void aCheckoutHeldBeforeConfirmIsListedWithItsFourBranchesInTheSeataConsole() throws Exception {
        Shop.FullCheckout checkout = shop.fullCheckout();
        ObjectNode order = checkout.order();
        shop.arm("order.before-confirm", "DELAY", 6_000);

        CompletableFuture<Http.Response> pending = CompletableFuture.supplyAsync(() -> shop.placeOrder(order));
        JsonNode held = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(6).toNanos();
        while (held == null && System.nanoTime() < deadline) {
            for (JsonNode session : shop.console().globalSessions()) {
                if (branchDatabases(session).containsAll(List.of("shop_order", "shop_goods", "shop_coupon", "shop_user"))) {
                    held = session;
                }
            }
            Thread.sleep(200);
        }
        Http.Response response = pending.get();

        assertThat(held).as("a global session with order, goods, coupon and user branches in the console").isNotNull();
        assertThat(held.path("transactionName").asText()).isEqualTo("confirm-order");
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        assertThat(response.json().path("xid").asText()).isEqualTo(held.path("xid").asText());
        shop.invariants().awaitHold(Duration.ofSeconds(30));
    }

    private static List<String> branchDatabases(JsonNode session) {
        List<String> databases = new ArrayList<>();
        for (JsonNode branch : session.path("branchSessionVOs")) {
            String resource = branch.path("resourceId").asText();
            databases.add(resource.substring(resource.lastIndexOf('/') + 1).replaceAll("\\?.*", ""));
        }
        return databases;
    }
}
