package com.shop.e2e.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.shop.e2e.harness.Shop;
import com.shop.e2e.harness.StackExtension;
import com.shop.stack.Components;
import com.shop.stack.Http;
import com.shop.stack.Ports;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(StackExtension.class)
class CheckoutTest {

    private final Shop shop;

    CheckoutTest(Shop shop) {
        this.shop = shop;
    }

    @AfterEach
    void invariantsHold() {
        shop.invariants().awaitHold(Duration.ofSeconds(30));
    }

    @Test
    void confirmsAnOrderAcrossFourDatabasesInOneGlobalTransaction() throws Exception {
        long user = shop.newUser("100.00");
        long goods = shop.newGoods(10, "60.00");
        long coupon = shop.newCoupon(user, "15.00");
        ObjectNode order = shop.validOrder(user, goods, 2, "60.00")
                .put("couponId", String.valueOf(coupon)).put("moneyPaid", "50.00");

        Http.Response placed = shop.placeOrder(order);

        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        JsonNode body = placed.json();
        String orderId = body.path("orderId").asText();
        String xid = body.path("xid").asText();
        assertThat(body.path("orderStatus").asInt()).isEqualTo(1);
        assertThat(body.path("payStatus").asInt()).isEqualTo(0);
        assertThat(body.path("goodsAmount").asText()).isEqualTo("120.00");
        assertThat(body.path("shippingFee").asText()).isEqualTo("0.00");
        assertThat(body.path("orderAmount").asText()).isEqualTo("120.00");
        assertThat(body.path("couponPaid").asText()).isEqualTo("15.00");
        assertThat(body.path("moneyPaid").asText()).isEqualTo("50.00");
        assertThat(body.path("payAmount").asText()).isEqualTo("55.00");
        assertThat(xid).contains(":");

        assertThat(shop.db().count("shop_order", "SELECT COUNT(*) FROM trade_order WHERE order_id = ? AND order_status = 1 "
                + "AND xid = ?", Long.parseLong(orderId), xid)).isEqualTo(1);
        assertThat(shop.db().count("shop_goods", "SELECT goods_number FROM trade_goods WHERE goods_id = ?", goods))
                .isEqualTo(8);
        assertThat(shop.db().count("shop_coupon", "SELECT COUNT(*) FROM trade_coupon WHERE coupon_id = ? AND is_used = 1 "
                + "AND order_id = ?", coupon, Long.parseLong(orderId))).isEqualTo(1);
        assertThat(shop.db().query("shop_user", "SELECT user_money FROM trade_user WHERE user_id = ?", user)
                .get(0).get("user_money")).isEqualTo(new BigDecimal("50.00"));

        Http.Response read = Http.get(Ports.url(Components.ORDER) + "/api/orders/" + orderId);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json()).isEqualTo(body);

        // One grep follows the transaction across the services it touched: their own lines, tagged
        // with the XID through the MDC, not only Seata's messages that name it.
        for (String service : List.of(Components.ORDER, Components.GOODS, Components.COUPON, Components.USER)) {
            assertThat(Files.readString(shop.stack().logFile(service)).lines()
                    .filter(line -> line.contains("[xid:" + xid + "]") && line.contains(orderId)))
                    .as("%s log lines about order %s tagged with its XID", service, orderId).isNotEmpty();
        }
    }

    @Test
    void anOrderPaidWhollyByCouponAndBalanceIsPaidAtOnce() {
        long user = shop.newUser("30.00");
        long goods = shop.newGoods(5, "20.00");
        long coupon = shop.newCoupon(user, "5.00");
        ObjectNode order = shop.validOrder(user, goods, 1, "20.00")
                .put("couponId", String.valueOf(coupon)).put("moneyPaid", "25.00");

        Http.Response placed = shop.placeOrder(order);

        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        assertThat(placed.json().path("payAmount").asText()).isEqualTo("0.00");
        assertThat(placed.json().path("payStatus").asInt()).isEqualTo(2);
    }

    @Test
    void replayingARequestIdReturnsTheFirstOrderAndChangesNothing() {
        long user = shop.newUser("0.00");
        long goods = shop.newGoods(5, "20.00");
        ObjectNode order = shop.validOrder(user, goods, 1, "20.00");
        Http.Response first = shop.placeOrder(order);
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        var before = shop.db().fingerprint();

        Http.Response replay = shop.placeOrder(order);

        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.json()).isEqualTo(first.json());
        assertThat(shop.db().fingerprint()).as("every table of every database after the replay").isEqualTo(before);
        assertThat(shop.db().count("shop_goods", "SELECT goods_number FROM trade_goods WHERE goods_id = ?", goods))
                .isEqualTo(4);
    }

    @Test
    void concurrentReplaysOfOneRequestIdMakeExactlyOneOrder() throws Exception {
        long user = shop.newUser("0.00");
        long goods = shop.newGoods(10, "20.00");
        ObjectNode order = shop.validOrder(user, goods, 1, "20.00");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Http.Response>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(pool.submit(() -> shop.placeOrder(order)));
            }
            List<String> orderIds = new ArrayList<>();
            for (Future<Http.Response> answer : answers) {
                Http.Response response = answer.get();
                assertThat(response.status()).as(response.body()).isEqualTo(201);
                orderIds.add(response.json().path("orderId").asText());
            }
            assertThat(orderIds).as("order ids answered to 8 concurrent replays").containsOnly(orderIds.get(0));
        } finally {
            pool.shutdownNow();
        }
        assertThat(shop.db().count("shop_order", "SELECT COUNT(*) FROM trade_order WHERE request_id = ?",
                order.path("requestId").asText())).isEqualTo(1);
        assertThat(shop.db().count("shop_goods", "SELECT goods_number FROM trade_goods WHERE goods_id = ?", goods))
                .isEqualTo(9);
    }
}
