package com.shop.e2e.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.shop.e2e.harness.Shop;
import com.shop.e2e.harness.StackExtension;
import com.shop.stack.Http;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A fault at every step of the checkout, on both sides of each call: the checkout fails with its
 * documented status and code, and Seata AT leaves every database as if it never ran.
 */
@ExtendWith(StackExtension.class)
class FaultPointRollbackTest {

    /** Longer than the 10 s global-transaction timeout in nacos-config/DEFAULT_GROUP/shop-common.yaml. */
    private static final long PAST_GLOBAL_TIMEOUT_MS = 12_000;

    private final Shop shop;

    FaultPointRollbackTest(Shop shop) {
        this.shop = shop;
    }

    @AfterEach
    void disarm() {
        shop.disarmEverywhere();
    }

    @ParameterizedTest(name = "THROW at {0}")
    @ValueSource(strings = {"order.after-pre-order", "order.after-stock", "order.after-coupon", "order.after-balance",
            "order.before-confirm", "order.after-confirm", "goods.before-reduce-stock", "goods.after-reduce-stock", "coupon.before-use",
            "coupon.after-use", "user.before-deduct", "user.after-deduct"})
    void anExceptionAtAnyStepRollsBackEveryBranch(String point) {
        failAt(point, "THROW", 0, 500, "INJECTED_FAULT");
    }

    @ParameterizedTest(name = "DELAY past the global timeout at {0}")
    @ValueSource(strings = {"order.after-pre-order", "order.after-stock", "order.after-coupon", "order.after-balance",
            "order.before-confirm", "order.after-confirm", "goods.before-reduce-stock", "goods.after-reduce-stock", "coupon.before-use",
            "coupon.after-use", "user.before-deduct", "user.after-deduct"})
    void aStepSlowerThanTheGlobalTimeoutRollsBackEveryBranch(String point) {
        failAt(point, "DELAY", PAST_GLOBAL_TIMEOUT_MS, 504, "TRANSACTION_TIMEOUT");
    }

    private void failAt(String point, String action, long delayMillis, int status, String code) {
        Shop.FullCheckout checkout = shop.fullCheckout();
        ObjectNode order = checkout.order();
        shop.arm(point, action, delayMillis);

        Http.Response response = shop.placeOrder(order);

        assertThat(response.status()).as("%s %s: %s", action, point, response.body()).isEqualTo(status);
        assertThat(response.json().path("code").asText()).isEqualTo(code);
        shop.invariants().awaitHold(Duration.ofSeconds(60));
        assertThat(shop.db().count("shop_order", "SELECT COUNT(*) FROM trade_order WHERE request_id = ?",
                checkout.requestId())).as("orders of the failed checkout").isZero();
        assertThat(shop.db().count("shop_goods", "SELECT goods_number FROM trade_goods WHERE goods_id = ?",
                checkout.goods())).as("stock").isEqualTo(5);
        assertThat(shop.db().count("shop_coupon", "SELECT is_used FROM trade_coupon WHERE coupon_id = ?",
                checkout.coupon())).as("coupon used").isZero();
        assertThat(shop.db().query("shop_user", "SELECT user_money FROM trade_user WHERE user_id = ?", checkout.user())
                .get(0).get("user_money")).as("balance").isEqualTo(new BigDecimal("100.00"));
    }
}
