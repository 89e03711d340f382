package com.shop.e2e.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.shop.e2e.harness.Shop;
import com.shop.e2e.harness.StackExtension;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Many checkouts racing for the same stock, coupon or balance: exactly the right number win, nobody gets a 5xx. */
@ExtendWith(StackExtension.class)
class ContentionTest {

    private final Shop shop;

    ContentionTest(Shop shop) {
        this.shop = shop;
    }

    @AfterEach
    void invariantsHold() {
        shop.invariants().awaitHold(Duration.ofSeconds(60));
    }

    @Test
    void aHundredBuyersForTheLastTwentyUnitsMakeExactlyTwentyOrders() throws Exception {
        long goods = shop.newGoods(20, "10.00");
        List<ObjectNode> orders = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            orders.add(shop.validOrder(shop.newUser("0.00"), goods, 1, "10.00"));
        }

        Map<String, Integer> outcomes = race(orders.size(), orders::get);

        assertThat(outcomes).as("outcomes of 100 buyers").containsEntry("201", 20)
                .containsEntry("409 GOODS_NUM_NOT_ENOUGH", 80).hasSize(2);
        assertThat(shop.db().count("shop_goods", "SELECT goods_number FROM trade_goods WHERE goods_id = ?", goods))
                .isZero();
        assertThat(shop.db().count("shop_order", "SELECT COUNT(*) FROM trade_order WHERE goods_id = ?", goods))
                .isEqualTo(20);
    }

    @Test
    void checkoutsRacingForOneCouponLetExactlyOneUseIt() throws Exception {
        long user = shop.newUser("0.00");
        long goods = shop.newGoods(100, "10.00");
        long coupon = shop.newCoupon(user, "5.00");

        Map<String, Integer> outcomes = race(20, i -> shop.validOrder(user, goods, 1, "10.00")
                .put("couponId", String.valueOf(coupon)));

        assertThat(outcomes).as("outcomes of 20 checkouts with one coupon").containsEntry("201", 1)
                .containsEntry("409 COUPON_ISUSED", 19).hasSize(2);
        assertThat(shop.db().count("shop_goods", "SELECT goods_number FROM trade_goods WHERE goods_id = ?", goods))
                .isEqualTo(99);
    }

    @Test
    void checkoutsRacingForOneBalanceNeverOverdrawIt() throws Exception {
        long user = shop.newUser("100.00");
        long goods = shop.newGoods(100, "30.00");

        Map<String, Integer> outcomes = race(20, i -> shop.validOrder(user, goods, 1, "30.00")
                .put("moneyPaid", "10.00"));

        assertThat(outcomes).as("outcomes of 20 checkouts using 10.00 of a 100.00 balance each")
                .containsEntry("201", 10).containsEntry("409 MONEY_PAID_INVALID", 10).hasSize(2);
        assertThat(shop.db().query("shop_user", "SELECT user_money FROM trade_user WHERE user_id = ?", user)
                .get(0).get("user_money")).isEqualTo(new BigDecimal("0.00"));
    }

    private Map<String, Integer> race(int count, IntFunction<ObjectNode> order) throws Exception {
        List<ObjectNode> bodies = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            bodies.add(order.apply(i));
        }
        return Shop.outcomes(shop.rush(bodies));
    }
}
